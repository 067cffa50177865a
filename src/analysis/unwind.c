/* ttrace - -k: the stack of a thread stopped at a syscall entry (libdw).
 *
 * libdwfl does the walk: dwfl_linux_proc_report reads /proc/PID/maps into
 * modules, dwfl_linux_proc_attach ties a Dwfl to the process, and
 * dwfl_getthread_frames unwinds one thread with each module's CFI
 * (.eh_frame, .debug_frame), falling back to the frame pointer.  ttrace
 * already holds the thread in a ptrace stop, so the attach is told so
 * (assume_ptrace_stopped): libdwfl then neither attaches nor detaches, it
 * only reads the registers (PTRACE_GETREGS) and the stack (ptrace or
 * process_vm_readv).
 *
 * i386 tracees: elfutils picks the unwinder's backend from the process's
 * first ELF module, so a 32-bit program gets the i386 one.  Its
 * set_initial_registers_tid, built into a 64-bit libdw, reads the 64-bit
 * user_regs_struct that PTRACE_GETREGS returns for any tracee and takes
 * the low halves (rax as eax, rsp as esp, rip as eip ...), and memory
 * reads of a 32-bit process keep the low 4 bytes of each word: elfutils
 * 0.188 unwinds an i386 tracee from a 64-bit tracer as it is, through
 * the vDSO's __kernel_vsyscall where every i386 libc call enters the
 * kernel (tests/e2e/stack.sh checks both ABIs).
 *
 * The backend is chosen once per Dwfl, so after an execve (maybe into the
 * other ABI) the Dwfl is thrown away and made again at the next walk.
 * Other map changes only re-read the maps into the same Dwfl.
 *
 * Frames are symbolized at the entry, while the maps are those the call
 * was made with.  A pc-to-frame cache per process (direct-mapped, cleared
 * when the maps are read again) makes a repeated stack cost only its
 * walk; the names it hands out are interned per process and live until
 * the process's last thread is gone, so an event never points at freed
 * text.
 */
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "event.h"
#include "options.h"
#include "process.h"
#include "tcb.h"
#include "unwind.h"

#define CACHE_SLOTS 1024	/* a power of two */
#define NAME_BUCKETS 256

struct name {
	struct name *next;
	char s[];
};

struct slot {
	uint64_t key;		/* pc << 1 | activation; 0: empty */
	struct tt_frame frame;
};

/* Owned by the process's context (src/tracer/process.c), freed with it. */
struct tt_unwind_proc {
	pid_t tgid;
	Dwfl *dwfl;		/* NULL: none yet, or dropped at an execve */
	bool stale;		/* the maps changed since they were read */
	bool broken;		/* this program cannot be unwound: said once */
	struct slot *cache;	/* CACHE_SLOTS of them */
	struct name *names[NAME_BUCKETS];
};

static char *debuginfo_path;
static const Dwfl_Callbacks callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

/* --- names ------------------------------------------------------------- */

/* The process's copy of the first len bytes of s. */
static const char *intern(struct tt_unwind_proc *p, const char *s, size_t len)
{
	unsigned h = 5381;
	struct name *n;

	for (size_t i = 0; i < len; i++)
		h = h * 33 + (unsigned char)s[i];
	h %= NAME_BUCKETS;
	for (n = p->names[h]; n; n = n->next)
		if (strncmp(n->s, s, len) == 0 && n->s[len] == '\0')
			return n->s;
	n = tt_xmalloc(sizeof(*n) + len + 1);
	memcpy(n->s, s, len);
	n->s[len] = '\0';
	n->next = p->names[h];
	p->names[h] = n;
	return n->s;
}

/* --- the process contexts ---------------------------------------------- */

static struct tt_unwind_proc *proc_of(struct tcb *tcp)
{
	struct tt_unwind_proc *p = tcp->proc->unwind;

	if (!p) {
		p = tt_xcalloc(1, sizeof(*p));
		p->tgid = tcp->pid;
		p->cache = tt_xcalloc(CACHE_SLOTS, sizeof(*p->cache));
		tcp->proc->unwind = p;
	}
	return p;
}

static void drop_dwfl(struct tt_unwind_proc *p)
{
	if (p->dwfl)
		dwfl_end(p->dwfl);
	p->dwfl = NULL;
	p->stale = false;
	memset(p->cache, 0, CACHE_SLOTS * sizeof(*p->cache));
}

void tt_unwind_free(struct tt_unwind_proc *p)
{
	if (!p)
		return;
	drop_dwfl(p);
	for (unsigned i = 0; i < NAME_BUCKETS; i++) {
		struct name *n = p->names[i], *next;

		for (; n; n = next) {
			next = n->next;
			free(n);
		}
	}
	free(p->cache);
	free(p);
}

void tt_unwind_maps_changed(struct tcb *tcp)
{
	struct tt_unwind_proc *p = tcp->proc->unwind;

	if (p && p->dwfl)
		p->stale = true;
}

void tt_unwind_exec(struct tcb *tcp)
{
	/* The process's: the thread left after the execve may not have
	 * taken a stack yet while a dying one did. */
	struct tt_unwind_proc *p = tcp->proc->unwind;

	if (!p)
		return;
	drop_dwfl(p);
	p->broken = false;
}

/* --- the walk ---------------------------------------------------------- */

/* The modules of the process as its maps show them now. */
static bool report(struct tt_unwind_proc *p)
{
	dwfl_report_begin(p->dwfl);
	if (dwfl_linux_proc_report(p->dwfl, p->tgid) != 0) {
		dwfl_report_end(p->dwfl, NULL, NULL);
		return false;
	}
	return dwfl_report_end(p->dwfl, NULL, NULL) == 0;
}

static bool ready(struct tt_unwind_proc *p)
{
	if (p->dwfl && p->stale) {
		memset(p->cache, 0, CACHE_SLOTS * sizeof(*p->cache));
		p->stale = false;
		if (!report(p)) {
			tt_error("cannot read the memory map of process %d: %s",
				 (int)p->tgid, dwfl_errmsg(-1));
			return false;
		}
	}
	if (p->dwfl)
		return true;
	if (p->broken)
		return false;
	p->dwfl = dwfl_begin(&callbacks);
	if (!p->dwfl || !report(p) ||
	    dwfl_linux_proc_attach(p->dwfl, p->tgid, true) != 0) {
		/* Once per program: every call of it would fail the same. */
		tt_error("-k: cannot unwind the stacks of process %d: %s",
			 (int)p->tgid, dwfl_errmsg(-1));
		if (p->dwfl)
			dwfl_end(p->dwfl);
		p->dwfl = NULL;
		p->broken = true;
		return false;
	}
	return true;
}

struct walk {
	uint64_t pc[TT_MAX_FRAMES];
	bool activation[TT_MAX_FRAMES];
	unsigned n, max;
	bool bad_pc;
};

static int frame_cb(Dwfl_Frame *state, void *arg)
{
	struct walk *w = arg;
	Dwarf_Addr pc;
	bool activation;

	if (!dwfl_frame_pc(state, &pc, &activation)) {
		w->bad_pc = true;
		return DWARF_CB_ABORT;
	}
	w->pc[w->n] = pc;
	w->activation[w->n] = activation;
	return ++w->n < w->max ? DWARF_CB_OK : DWARF_CB_ABORT;
}

/* Where pc lies in the module's file: what strace prints in brackets.
 * The PT_LOAD segment that holds it maps p_offset at p_vaddr + bias. */
static uint64_t file_offset(Dwfl_Module *mod, uint64_t pc, uint64_t start)
{
	GElf_Addr bias;
	Elf *elf = dwfl_module_getelf(mod, &bias);
	size_t n;

	if (elf && elf_getphdrnum(elf, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			GElf_Phdr ph;

			if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD)
				continue;
			if (pc - bias >= ph.p_vaddr &&
			    pc - bias < ph.p_vaddr + ph.p_memsz)
				return pc - bias - ph.p_vaddr + ph.p_offset;
		}
	}
	return pc - start;
}

/* pc as a frame.  A return address (not an activation) is looked up one
 * byte back, inside the call instruction: a call that ends a function
 * (to a noreturn one) would otherwise name the next function. */
static void symbolize(struct tt_unwind_proc *p, uint64_t pc, bool activation,
		      struct tt_frame *f)
{
	uint64_t at = activation ? pc : pc - 1;
	Dwfl_Module *mod = dwfl_addrmodule(p->dwfl, at);
	const char *name, *sym;
	Dwarf_Addr start;
	GElf_Off off;
	GElf_Sym s;

	*f = (struct tt_frame){ .pc = pc, .file_off = pc };
	if (!mod)
		return;
	name = dwfl_module_info(mod, NULL, &start, NULL, NULL, NULL, NULL, NULL);
	if (!name)
		return;
	/* libdwfl names the vDSO "[vdso: PID]"; /proc/PID/maps "[vdso]" */
	if (strncmp(name, "[vdso", 5) == 0)
		name = "[vdso]";
	f->module = intern(p, name, strlen(name));
	f->file_off = file_offset(mod, pc, start);
	sym = dwfl_module_addrinfo(mod, at, &off, &s, NULL, NULL, NULL);
	if (sym && *sym) {
		/* "__libc_start_main@@GLIBC_2.34": the version is not part
		 * of the name strace prints */
		f->symbol = intern(p, sym, strcspn(sym, "@"));
		f->sym_off = off + (pc - at);
	}
	if (tt_opt.stack >= 2) {
		Dwfl_Line *line = dwfl_module_getsrc(mod, at);
		int lineno = 0;
		const char *file = line ? dwfl_lineinfo(line, NULL, &lineno,
							NULL, NULL, NULL) : NULL;

		if (file) {
			f->file = intern(p, file, strlen(file));
			f->line = lineno;
		}
	}
}

static void frame_at(struct tt_unwind_proc *p, uint64_t pc, bool activation,
		     struct tt_frame *f)
{
	uint64_t key = pc << 1 | activation;
	struct slot *s = &p->cache[(key ^ key >> 13) & (CACHE_SLOTS - 1)];

	if (s->key != key || key == 0) {
		symbolize(p, pc, activation, &s->frame);
		s->key = key;
	}
	*f = s->frame;
}

void tt_unwind_capture_at(struct tcb *tcp, struct tt_stack *stack,
			  const char *what)
{
	struct tt_unwind_proc *p = proc_of(tcp);
	struct walk w;
	int r;

	stack->captured = false;
	stack->n = 0;
	if (!ready(p))
		return;
	w.n = 0;
	w.max = tt_opt.stack_depth && tt_opt.stack_depth < TT_MAX_FRAMES ?
		tt_opt.stack_depth : TT_MAX_FRAMES;
	w.bad_pc = false;
	r = dwfl_getthread_frames(p->dwfl, tcp->tid, frame_cb, &w);
	if (r == -1 || w.bad_pc) {
		/* A stack cut short is not the caller's stack: say where it
		 * stopped and why, and trace the call without one. */
		if (w.n)
			tt_warning("-k: no stack for %s of %d: the walk stopped at "
				 "pc %#" PRIx64 " (frame %u): %s", what,
				 (int)tcp->tid, w.pc[w.n - 1], w.n,
				 dwfl_errmsg(-1));
		else
			tt_warning("-k: no stack for %s of %d: %s", what,
				 (int)tcp->tid, dwfl_errmsg(-1));
		return;
	}
	for (unsigned i = 0; i < w.n; i++)
		frame_at(p, w.pc[i], w.activation[i], &stack->f[i]);
	stack->n = (uint8_t)w.n;
	stack->captured = true;
}

void tt_unwind_capture(struct tcb *tcp, struct tt_event *ev)
{
	tt_unwind_capture_at(tcp, &ev->stack, ev->sc->name);
}
