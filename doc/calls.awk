# doc/calls.awk: the man page's table of calls, made from the rows of
# arch/x86_64/syscalls.h and arch/i386/syscalls.h (given in that order).
# A line per family (the signature the rows name), in the order the
# x86_64 rows first name them, then the families only i386 has; columns:
# x86_64, i386 with 32-bit time or none, i386 with 64-bit time.  Each
# cell is "name (nr)", several joined by ", ".
FNR == 1 { file++ }
/^\[[0-9]+\] = \{ "/ {
	line = $0
	nr = line; sub(/^\[/, "", nr); sub(/\].*/, "", nr)
	name = line; sub(/^[^"]*"/, "", name); sub(/".*/, "", name)
	fam = line; sub(/.*&tt_sig_/, "", fam); sub(/[^a-z0-9_].*/, "", fam)
	col = file == 1 ? 1 : (line ~ /TW_64/ ? 3 : 2)
	if (!(fam in seen)) {
		seen[fam] = 1
		order[++nfam] = fam
	}
	key = fam SUBSEP col
	if (key in cell)
		cell[key] = cell[key] ", "
	cell[key] = cell[key] name " (" nr ")"
}
END {
	print "l l l."
	print "x86_64\ti386, 32-bit time\ti386, 64-bit time"
	for (i = 1; i <= nfam; i++) {
		f = order[i]
		out = ""
		for (c = 1; c <= 3; c++) {
			k = f SUBSEP c
			if (c > 1)
				out = out "\t"
			if (k in cell)
				out = out cell[k]
		}
		sub(/\t+$/, "", out)
		print out
	}
}
