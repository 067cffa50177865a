#!/bin/sh
# Stands for chain-m32.stack (-k on an i386 program) when it cannot be built.
echo "SKIP: -k on i386 programs: gcc -m32 cannot link: install gcc-multilib"
exit 77
