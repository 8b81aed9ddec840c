#!/bin/bash
# Print the build directory of the cached test kernel (a valid KDIR).
. "$(dirname "$0")/lib.sh"
kernel_dir
