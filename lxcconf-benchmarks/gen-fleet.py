#!/usr/bin/env python3
"""Usage: gen-fleet.py OUTDIR [N]

Writes N (default 1000) native LXC container configs of 1 to 10 KB to OUTDIR/NNNN.conf and their paths,
one a line, to OUTDIR.list. Deterministic (seed 7). Each config is a container config as lxc-create writes
it (template comments, arch, rootfs, one to three network interfaces), a few of the settings the distribution templates hold, then
mount entries, device rules, addresses, environment, hooks and idmaps up to a size drawn between 1 and
10 KB; no lxc.include, so liblxc reads no other file. Three configs in ten then get one to three of the
damages hands and scripts do (the kinds of lxcconf-it's Mutator): a junk or legacy key, a line without '=',
a duplicated or deleted line, an upper-case line, a Proxmox 'key: value' line. liblxc stops at the first
line it refuses, so it reads a damaged config only up to there.
"""
import os
import random
import sys

outdir = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rnd = random.Random(7)

JUNK = ["lxc.foo.bar = 1", "lxc.network.type = veth", "lxc.utsname = x", "lxc.cap.drop = not_a_cap",
        "lxc.apparmor.profile: unconfined", "lxc.tty.max = 4 # four", "lxc.arch = sparc",
        "lxc.signal.halt = SIGBOGUS", "lxc.net.0.type = bogus", "lxc.uts.name", "lxc.mount.auto = proc:bogus",
        "lxc.cgroup2.devices.allow = x 10:232 rwm", "lxc.autodev = yes", "lxc.start.auto = 2",
        "LXC.uts.name = x", "lxc.net.0.ipv4.address = 300.1.1.1/24", "lxc.cgroup.memory.limit_in_bytes = 1G",
        "lxc.net.0.ipv6.address = fe80::1/129", "memory: 512", "lxc.apparmor.allow_nesting = 2"]


TEMPLATE = ["lxc.cap.drop = sys_module mac_admin mac_override sys_time", "lxc.apparmor.profile = generated",
            "lxc.apparmor.allow_nesting = 1", "lxc.tty.max = 4", "lxc.pty.max = 1024", "lxc.autodev = 1",
            "lxc.mount.auto = cgroup:mixed proc:mixed sys:mixed", "lxc.start.auto = 1", "lxc.start.delay = 5",
            "lxc.signal.halt = SIGPWR", "lxc.cgroup2.memory.max = 1G", "lxc.cgroup2.cpu.max = 200000 100000",
            "lxc.idmap = u 0 100000 65536", "lxc.idmap = g 0 100000 65536", "lxc.log.level = WARN",
            "lxc.seccomp.profile = /usr/share/lxc/config/common.seccomp", "lxc.init.cmd = /sbin/init",
            "lxc.mount.entry = /sys/kernel/security sys/kernel/security none ro,bind,optional 0 0",
            "lxc.cgroup2.devices.deny = a", "lxc.cgroup2.devices.allow = c 1:3 rwm",
            "lxc.cgroup2.devices.allow = c 5:0 rwm", "lxc.cgroup2.devices.allow = c 136:* rwm"]


def header(i, nets):
    distro = rnd.choice(["debian -r bookworm", "ubuntu -r jammy", "alpine -r 3.19", "centos -r 9-Stream"])
    return [f"# Template used to create this container: /usr/share/lxc/templates/lxc-download",
            f"# Parameters passed to the template: -d {distro} -a amd64",
            "# For additional config options, please look at lxc.container.conf(5)", "",
            "# Distribution configuration", "lxc.arch = linux64", "",
            "# Container specific configuration",
            f"lxc.rootfs.path = dir:/var/lib/lxc/ct{i}/rootfs", f"lxc.uts.name = ct{i}", "",
            "# Network configuration"] + [line for n in range(nets) for line in (
                f"lxc.net.{n}.type = veth", f"lxc.net.{n}.link = lxcbr{n}", "lxc.net.{n}.flags = up".format(n=n),
                f"lxc.net.{n}.hwaddr = 00:16:3e:{i >> 8 & 255:02x}:{i & 255:02x}:{n:02x}")] + [""]


def filler(i, j, nets):
    r = rnd.random()
    if r < 0.15:
        return f"# {rnd.choice(['mounts', 'devices', 'added by hand', 'see ticket', 'keep in sync'])} {j}"
    if r < 0.20:
        return ""
    if r < 0.45:
        return f"lxc.mount.entry = /srv/data{j} srv/data{j} none bind,create=dir,optional 0 0"
    if r < 0.60:
        return f"lxc.cgroup2.devices.allow = c {j % 256}:{j % 1024} rwm"
    if r < 0.75:
        # more addresses on the interfaces the header set up (a list key: each line adds one)
        n = j % nets
        if rnd.random() < 0.5:
            return f"lxc.net.{n}.ipv4.address = 10.{n}.{j >> 8 & 255}.{j & 255}/24"
        return f"lxc.net.{n}.ipv6.address = fd00:{n}::{j:x}/64"
    if r < 0.85:
        return f"lxc.environment = VAR_{j}=value_{j}"
    if r < 0.93:
        return f"lxc.hook.pre-start = /usr/local/bin/hook{j % 50}.sh arg{j}"
    return f"lxc.idmap = u {j} {100000 + j} 1"


def damage(lines):
    at = rnd.randrange(len(lines))
    kind = rnd.randrange(6)
    if kind == 0:
        lines.insert(at, rnd.choice(JUNK))
    elif kind == 1 and "=" in lines[at]:
        lines[at] = lines[at].replace("=", " ", 1)
    elif kind == 2:
        lines.insert(at, lines[at])
    elif kind == 3:
        del lines[at]
    elif kind == 4:
        lines[at] = lines[at].upper()
    else:
        lines[at] = lines[at].replace(" = ", ": ", 1)


os.makedirs(outdir, exist_ok=True)
paths = []
for i in range(count):
    target = rnd.randint(1024, 10 * 1024)
    nets = rnd.randint(1, 3)
    lines = header(i, nets) + rnd.sample(TEMPLATE, rnd.randint(4, len(TEMPLATE))) + [""]
    j = 0
    while sum(len(l) + 1 for l in lines) < target:
        j += 1
        lines.append(filler(i, j, nets))
    while len(lines) > 1 and sum(len(l) + 1 for l in lines) > 10 * 1024:
        lines.pop()
    if rnd.random() < 0.3:
        for _ in range(rnd.randint(1, 3)):
            damage(lines)
    path = os.path.join(outdir, f"{i:04d}.conf")
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write("\n".join(lines) + "\n")
    paths.append(os.path.abspath(path))
with open(outdir.rstrip("/") + ".list", "w") as f:
    f.write("\n".join(paths) + "\n")
