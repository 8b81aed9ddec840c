/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The register block of the test DMA device as a VFIO device
 * (smmu3_testdev_vfio, drivers/testdev/smmu3_testdev_vfio.c): region 0 of
 * the VFIO device, read and written with pread()/pwrite() on the device
 * file at the region's offset (VFIO_DEVICE_GET_REGION_INFO).
 *
 * Shared by the kernel module and the guest tool smmu3-vmm
 * (scripts/guest-tools/smmu3-vmm.c): plain constants, no includes.
 * Documentation/testdev.rst, "The test device as a VFIO device", is the
 * description.
 *
 * Every register is 64 bits wide; an access is 8 bytes at an 8-byte
 * aligned offset (anything else is refused with -EINVAL).
 */
#ifndef SMMU3_TESTDEV_VFIO_H
#define SMMU3_TESTDEV_VFIO_H

/* Region 0: its size (registers beyond the last one read as zero) */
#define TDV_REGION_SIZE		0x1000

/* Offsets.  RO: writes refused (-EINVAL); RW1C: write 1s to clear */
#define TDV_REG_ID		0x00	/* RO: TDV_ID */
#define TDV_REG_CTRL		0x08	/* RW: op, GO (reads the last op) */
#define TDV_REG_SRC		0x10	/* RW: source IOVA (copy, sum) */
#define TDV_REG_DST		0x18	/* RW: destination IOVA */
#define TDV_REG_LEN		0x20	/* RW: bytes, 1..TDV_MAX_LEN */
#define TDV_REG_DATA		0x28	/* RW: fill byte / pattern seed */
#define TDV_REG_DELAY_US	0x30	/* RW: pause after each chunk, us */
#define TDV_REG_STATUS		0x38	/* RO: TDV_STATUS_* */
#define TDV_REG_ERROR		0x40	/* RO: TDV_ERR_* of the last op */
#define TDV_REG_DONE		0x48	/* RO: bytes moved by the last op */
#define TDV_REG_RESULT		0x50	/* RO: the sum of TDV_OP_SUM */
#define TDV_REG_FAULT_IOVA	0x58	/* RO: IOVA of the failed access */
#define TDV_REG_FAULT_EVENT	0x60	/* RO: TDV_FAULT_* */
#define TDV_REG_IRQ_STATUS	0x68	/* RW1C: TDV_IRQ_* */
#define TDV_REG_IRQ_COUNT	0x70	/* RO: interrupts the device raised */
#define TDV_REG_MSI_ADDR	0x78	/* RO: MSI address (an IOVA), or 0 */
#define TDV_REG_MSI_DATA	0x80	/* RO: MSI payload */
#define TDV_REG_MSI_PA		0x88	/* RO: where the last MSI went (PA) */
#define TDV_REG_MSI_ERRORS	0x90	/* RO: MSI writes that failed */
#define TDV_REG_CAPS		0x98	/* RO: TDV_CAPS_* */
#define TDV_REG_SID		0xa0	/* RO: the device's StreamID */
#define TDV_REG_LAST		TDV_REG_SID

#define TDV_ID			0x736d337600000001ULL	/* "sm3v", version 1 */

/* CTRL: an op and GO in one write starts the DMA (write() -EBUSY if busy) */
#define TDV_CTRL_OP_MASK	0xfULL
#define TDV_OP_COPY		1	/* SRC -> DST */
#define TDV_OP_FILL		2	/* DST filled with DATA[7:0] */
#define TDV_OP_PATTERN		3	/* DST: the 64-bit word at offset o
					 * is DATA + o (little-endian; the
					 * tail of the last word truncated)
					 */
#define TDV_OP_SUM		4	/* SRC read; RESULT = sum of bytes */
#define TDV_CTRL_GO		0x100ULL

#define TDV_STATUS_IDLE		0
#define TDV_STATUS_BUSY		1
#define TDV_STATUS_DONE		2
#define TDV_STATUS_ERROR	3

#define TDV_ERR_NONE		0
#define TDV_ERR_FAULT		1	/* translation ended in an event */
#define TDV_ERR_ABORT		2	/* aborted without an event */
#define TDV_ERR_BAD_ARGS	3	/* LEN 0 or too big, wraps, bad op */
#define TDV_ERR_STOPPED		4	/* reset, close or unbind */
#define TDV_ERR_GONE		5	/* the emulated SMMU went away */
#define TDV_ERR_OTHER		6

/* FAULT_EVENT: the SMMUv3 event number and how the access failed */
#define TDV_FAULT_EVENT_MASK	0xffULL	/* EVT_* (0x10 F_TRANSLATION) */
#define TDV_FAULT_WRITE		0x100ULL	/* the access was a write */
#define TDV_FAULT_RECORDED	0x200ULL	/* in the event queue */

/* IRQ_STATUS: why the interrupt was raised */
#define TDV_IRQ_DONE		0x1ULL
#define TDV_IRQ_ERROR		0x2ULL

/* CAPS */
#define TDV_CAPS_MSI		0x1ULL	/* the interrupt is an MSI */

#define TDV_MAX_LEN		(16ULL << 20)
#define TDV_MAX_DELAY_US	100000

#endif /* SMMU3_TESTDEV_VFIO_H */
