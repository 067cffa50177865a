#!/bin/sh
# Stands for the i386 (NAME-m32.dec) decoding tests when they cannot be built.
echo "SKIP: the i386 decoding tests: gcc -m32 cannot link: install gcc-multilib"
exit 77
