# SPDX-License-Identifier: GPL-2.0-only
#
# SMMUv3 stack: user-facing targets.  Kbuild (the file named Kbuild) lists
# the modules; this Makefile drives setup, builds, QEMU runs and checks.
#
#   make              set up (packages, test kernel) and build the modules
#   make KDIR=<dir>   build the modules against another 6.12 build tree
#   make run          boot the demo in QEMU  (INTERACTIVE=1: guest shell after it)
#   make check        everything: build (W=1), sparse, checkpatch, KUnit + e2e in QEMU
#   make bench        dma_map_benchmark: smmu3 against upstream arm_smmu_v3 (non-debug kernel)
#   make setup        install packages and build the cached test kernel
#   make dkms         stage the sources for DKMS in build/dkms (see README)
#   make clean

ROOT := $(CURDIR)
ARCH ?= arm64
CROSS_COMPILE ?= aarch64-linux-gnu-
export ARCH CROSS_COMPILE
BUILD ?= $(ROOT)/build

# KDIR given by the caller: use it as is, no test kernel needed.
ifeq ($(origin KDIR),undefined)
KDIR_CMD := $(ROOT)/scripts/kdir.sh
SETUP := setup
else
KDIR_CMD := echo $(KDIR)
SETUP := setup-packages
endif

.PHONY: all modules setup setup-packages run check bench dkms clean help

all: modules

setup:
	@$(ROOT)/scripts/setup.sh

setup-packages:
	@SMMU3_NO_KERNEL=1 $(ROOT)/scripts/setup.sh

modules: $(SETUP)
	@kdir=$$($(KDIR_CMD)); echo "modules: building against $$kdir"; \
	$(MAKE) -C $$kdir M=$(ROOT) W=1 modules

run: setup
	@$(ROOT)/scripts/run.sh $(if $(INTERACTIVE),--shell)

check: setup
	@$(ROOT)/scripts/check.sh

# Its own kernel (scripts/kernel-nodebug.config), built on first use
bench: setup-packages
	@$(ROOT)/scripts/bench.sh

dkms:
	@$(ROOT)/scripts/dkms-stage.sh

clean:
	@kdir=$$($(KDIR_CMD) 2>/dev/null); \
	if [ -d "$$kdir" ]; then $(MAKE) -C $$kdir M=$(ROOT) clean; fi
	rm -rf $(BUILD)

help:
	@sed -n '3,13p' $(ROOT)/Makefile | sed 's/^# \{0,1\}//'
