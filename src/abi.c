/* ttrace - finding the ABI of a stop and the row of a syscall. */
#include "abi.h"
#include "syscall.h"

const struct tt_abi *const tt_abis[] = {
	&tt_abi_x86_64,
	&tt_abi_i386,
	NULL,
};

const struct tt_abi *tt_abi_by_audit_arch(uint32_t arch)
{
	for (unsigned i = 0; tt_abis[i]; i++)
		if (tt_abis[i]->audit_arch == arch)
			return tt_abis[i];
	return NULL;
}

const struct tt_abi *tt_abi_by_regset_size(size_t size)
{
	for (unsigned i = 0; tt_abis[i]; i++)
		if (tt_abis[i]->regset_size == size)
			return tt_abis[i];
	return NULL;
}

void tt_abi_args(const struct tt_abi *abi, const uint64_t in[6],
		 uint64_t out[6])
{
	for (unsigned i = 0; i < 6; i++)
		out[i] = abi->ptr_size == 4 ? (uint32_t)in[i] : in[i];
}

bool tt_abi_changes_maps(const struct tt_abi *abi, long nr)
{
	for (unsigned i = 0; i < abi->nmaps_calls; i++)
		if (abi->maps_calls[i] == nr)
			return true;
	return false;
}

uint64_t tt_abi_addr_limit(const struct tt_abi *abi)
{
	return abi->ptr_size == 4 ? (uint64_t)1 << 32 : UINT64_MAX;
}

const char *tt_abi_other(const struct tt_abi *abi, long nr)
{
	return nr >= 0 && abi->other_bit && (nr & abi->other_bit) ?
		abi->other_name : NULL;
}

int64_t tt_abi_rval(const struct tt_abi *abi, int64_t raw)
{
	return abi->bits == 32 ? (int32_t)raw : raw;
}

const struct tt_syscall *tt_abi_syscall(const struct tt_abi *abi, long nr)
{
	if (nr < 0 || (unsigned long)nr >= abi->nsyscalls)
		return NULL;
	if (!abi->table[nr].name)
		return NULL;
	return &abi->table[nr];
}
