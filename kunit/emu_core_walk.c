// SPDX-License-Identifier: GPL-2.0-only
/*
 * The emulator core's walker, compiled into smmu3_emu_walk_kunit.  The
 * product module smmu3_emu links drivers/emu/core/walk.o, and kbuild warns
 * when one object is linked into two modules: this file is the test
 * module's own copy.
 */
#include "../drivers/emu/core/walk.c"
