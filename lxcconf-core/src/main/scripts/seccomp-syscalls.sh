#!/bin/sh
# Writes the syscall table lxcconf reads to check seccomp policy rules:
#   lxcconf-core/src/main/resources/io/github/lxcconf/seccomp/syscalls.tsv
#
# liblxc resolves every rule's syscall name with libseccomp
# (seccomp_syscall_resolve_name_arch), so the table is made with libseccomp
# itself: every name its header seccomp-syscalls.h declares (__SNR_<name>) is
# resolved for each architecture a policy's [arch] section can name. A cell
# holds the syscall number on that architecture, or '-' where libseccomp has
# no such syscall there (liblxc skips the rule on that ABI).
#
# Needs gcc and libseccomp-dev (Debian: apt-get install gcc libseccomp-dev).
# Run from the repository root:  sh lxcconf-core/src/main/scripts/seccomp-syscalls.sh
set -eu
out=lxcconf-core/src/main/resources/io/github/lxcconf/seccomp/syscalls.tsv
header=$(echo '#include <seccomp.h>' | gcc -E -H -x c - 2>&1 >/dev/null | grep -m1 'seccomp-syscalls.h' | sed 's/^\.* *//')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -o '^#define __SNR_[a-z0-9_]*' "$header" | sed 's/^#define __SNR_//' | LC_ALL=C sort -u > "$work/names"
cat > "$work/resolve.c" <<'C'
#include <seccomp.h>
#include <stdio.h>
#include <string.h>

/* section name in a policy file -> libseccomp architecture */
static const struct { const char *section; const char *arch; } ARCHES[] = {
    {"x86", "x86"}, {"x86_64", "x86_64"}, {"x32", "x32"}, {"arm", "arm"}, {"arm64", "aarch64"},
    {"ppc", "ppc"}, {"ppc64", "ppc64"}, {"ppc64le", "ppc64le"}, {"mips", "mips"}, {"mipsel", "mipsel"},
    {"mips64", "mips64"}, {"mipsel64", "mipsel64"}, {"mips64n32", "mips64n32"},
    {"mipsel64n32", "mipsel64n32"}, {"s390", "s390"}, {"s390x", "s390x"},
};
#define N (sizeof(ARCHES) / sizeof(ARCHES[0]))

int main(void) {
    const struct scmp_version *v = seccomp_version();
    char name[128];
    printf("# syscall numbers per policy-file architecture, from libseccomp %u.%u.%u\n", v->major, v->minor, v->micro);
    printf("# made by lxcconf-core/src/main/scripts/seccomp-syscalls.sh; '-': no such syscall on that architecture\n");
    printf("name");
    for (size_t i = 0; i < N; i++) printf("\t%s", ARCHES[i].section);
    printf("\n");
    while (scanf("%127s", name) == 1) {
        char row[4096];
        int any = 0, len = snprintf(row, sizeof row, "%s", name);
        for (size_t i = 0; i < N; i++) {
            uint32_t arch = seccomp_arch_resolve_name(ARCHES[i].arch);
            int nr = arch ? seccomp_syscall_resolve_name_arch(arch, name) : -1;
            if (nr >= 0) { len += snprintf(row + len, sizeof row - len, "\t%d", nr); any = 1; }
            else len += snprintf(row + len, sizeof row - len, "\t-");
        }
        if (any) printf("%s\n", row);
    }
    return 0;
}
C
gcc -O1 -o "$work/resolve" "$work/resolve.c" -lseccomp
mkdir -p "$(dirname "$out")"
"$work/resolve" < "$work/names" > "$out"
echo "wrote $out: $(($(wc -l < "$out") - 3)) names"
