// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: instantiates the smmu3 trace events (trace.h).
 */
#define CREATE_TRACE_POINTS
#include "trace.h"
