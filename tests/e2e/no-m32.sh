#!/bin/sh
# Stands for the i386 (.t32) decoding tests when they cannot be built.
echo "SKIP: the i386 decoding tests: gcc -m32 cannot link: install gcc-multilib"
exit 77
