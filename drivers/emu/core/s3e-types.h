/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Freestanding fixed-width types and bit-field helpers for the SMMUv3
 * emulator core.
 *
 * The core is built both inside the kernel (no libc, -nostdinc) and as an
 * ordinary userspace program, so it includes no headers at all and relies
 * on the compiler's predefined type macros.  Every name carries the s3e_
 * prefix so that code including both kernel headers and this one sees no
 * clash with u64 and friends.  There is deliberately no boolean type (nor
 * true or false): the core uses int for truth values and flag words in
 * structures, which also keeps clear of the kernel's definitions.  The
 * environment provides the kernel's noinline and __always_inline (the
 * kernel's compiler_types.h; the native Makefile defines them).
 */
#ifndef S3E_TYPES_H
#define S3E_TYPES_H

/*
 * Plain macros rather than typedefs: the kernel discourages new typedefs,
 * and a macro that expands to a compiler-provided type is equivalent here.
 */
#define s3e_u64		__UINT64_TYPE__
#define s3e_u32		__UINT32_TYPE__
#define s3e_u16		__UINT16_TYPE__
#define s3e_u8		__UINT8_TYPE__

#define S3E_NULL	((void *)0)

/*
 * Shift of the lowest set bit of a mask.  Bit 63 is or-ed in so that a
 * zero mask yields 63 instead of the undefined __builtin_ctzll(0); with a
 * zero mask both helpers below then return 0.
 */
static inline unsigned int s3e_mask_shift(s3e_u64 mask)
{
	return __builtin_ctzll(mask | (1ULL << 63));
}

/**
 * s3e_field_get() - extract a field from a register or descriptor value
 * @mask: contiguous field mask, e.g. an SMMU3_GENMASK() constant
 * @val: value holding the field
 *
 * Return: the field, shifted down to bit 0.
 */
static inline s3e_u64 s3e_field_get(s3e_u64 mask, s3e_u64 val)
{
	return (val & mask) >> s3e_mask_shift(mask);
}

/**
 * s3e_field_prep() - place a value into a field
 * @mask: contiguous field mask, e.g. an SMMU3_GENMASK() constant
 * @val: field value; bits that do not fit the field are dropped
 *
 * Return: @val shifted into position and masked.
 */
static inline s3e_u64 s3e_field_prep(s3e_u64 mask, s3e_u64 val)
{
	return (val << s3e_mask_shift(mask)) & mask;
}

#endif /* S3E_TYPES_H */
