package dev.weft.executor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seccomp program every sandboxed container runs under, equivalent for what matters to the
 * container runtimes' default profile: the calls that have broken containers out or reach the
 * kernel's global state fail with EPERM (mounts, {@code open_by_handle_at}, kexec, modules, bpf,
 * keyrings, namespaces and new user namespaces, perf, userfaultfd, io_uring, clock setting), {@code
 * clone3} fails with ENOSYS so the C library falls back to {@code clone}, whose flags can be
 * checked, and any call of another ABI (32-bit or x32 entry points) fails. {@code ptrace} and
 * process memory access are allowed only to a container granted {@code SYS_PTRACE}, as Docker did
 * before kernel 4.8.
 *
 * <p>Built here as classic BPF rather than with libseccomp so nothing native needs installing;
 * bubblewrap loads it ({@code --seccomp FD}).
 */
final class SeccompFilter {
  private SeccompFilter() {}

  /** A CPU architecture's audit number and system call numbers. */
  record Arch(int auditArch, boolean x32Bit, Map<String, Integer> calls) {}

  static final Arch X86_64 =
      new Arch(
          0xC000003E,
          true,
          Map.ofEntries(
              Map.entry("mount", 165),
              Map.entry("umount2", 166),
              Map.entry("pivot_root", 155),
              Map.entry("swapon", 167),
              Map.entry("swapoff", 168),
              Map.entry("reboot", 169),
              Map.entry("init_module", 175),
              Map.entry("finit_module", 313),
              Map.entry("delete_module", 176),
              Map.entry("create_module", 174),
              Map.entry("get_kernel_syms", 177),
              Map.entry("query_module", 178),
              Map.entry("quotactl", 179),
              Map.entry("nfsservctl", 180),
              Map.entry("acct", 163),
              Map.entry("settimeofday", 164),
              Map.entry("clock_settime", 227),
              Map.entry("clock_adjtime", 305),
              Map.entry("kexec_load", 246),
              Map.entry("kexec_file_load", 320),
              Map.entry("add_key", 248),
              Map.entry("request_key", 249),
              Map.entry("keyctl", 250),
              Map.entry("unshare", 272),
              Map.entry("setns", 308),
              Map.entry("open_by_handle_at", 304),
              Map.entry("bpf", 321),
              Map.entry("perf_event_open", 298),
              Map.entry("userfaultfd", 323),
              Map.entry("lookup_dcookie", 212),
              Map.entry("move_pages", 279),
              Map.entry("mbind", 237),
              Map.entry("set_mempolicy", 238),
              Map.entry("migrate_pages", 256),
              Map.entry("kcmp", 312),
              Map.entry("syslog", 103),
              Map.entry("vhangup", 153),
              Map.entry("fanotify_init", 300),
              Map.entry("uselib", 134),
              Map.entry("ustat", 136),
              Map.entry("sysfs", 139),
              Map.entry("_sysctl", 156),
              Map.entry("iopl", 172),
              Map.entry("ioperm", 173),
              Map.entry("io_uring_setup", 425),
              Map.entry("io_uring_enter", 426),
              Map.entry("io_uring_register", 427),
              Map.entry("open_tree", 428),
              Map.entry("move_mount", 429),
              Map.entry("fsopen", 430),
              Map.entry("fsconfig", 431),
              Map.entry("fsmount", 432),
              Map.entry("fspick", 433),
              Map.entry("mount_setattr", 442),
              Map.entry("quotactl_fd", 443),
              Map.entry("pidfd_getfd", 438),
              Map.entry("process_madvise", 440),
              Map.entry("ptrace", 101),
              Map.entry("process_vm_readv", 310),
              Map.entry("process_vm_writev", 311),
              Map.entry("clone", 56),
              Map.entry("clone3", 435)));

  static final Arch AARCH64 =
      new Arch(
          0xC00000B7,
          false,
          Map.ofEntries(
              Map.entry("mount", 40),
              Map.entry("umount2", 39),
              Map.entry("pivot_root", 41),
              Map.entry("swapon", 224),
              Map.entry("swapoff", 225),
              Map.entry("reboot", 142),
              Map.entry("init_module", 105),
              Map.entry("finit_module", 273),
              Map.entry("delete_module", 106),
              Map.entry("quotactl", 60),
              Map.entry("nfsservctl", 42),
              Map.entry("acct", 89),
              Map.entry("settimeofday", 170),
              Map.entry("clock_settime", 112),
              Map.entry("clock_adjtime", 266),
              Map.entry("kexec_load", 104),
              Map.entry("kexec_file_load", 294),
              Map.entry("add_key", 217),
              Map.entry("request_key", 218),
              Map.entry("keyctl", 219),
              Map.entry("unshare", 97),
              Map.entry("setns", 268),
              Map.entry("open_by_handle_at", 265),
              Map.entry("bpf", 280),
              Map.entry("perf_event_open", 241),
              Map.entry("userfaultfd", 282),
              Map.entry("lookup_dcookie", 18),
              Map.entry("move_pages", 239),
              Map.entry("mbind", 235),
              Map.entry("set_mempolicy", 237),
              Map.entry("migrate_pages", 238),
              Map.entry("kcmp", 272),
              Map.entry("syslog", 116),
              Map.entry("vhangup", 58),
              Map.entry("fanotify_init", 262),
              Map.entry("io_uring_setup", 425),
              Map.entry("io_uring_enter", 426),
              Map.entry("io_uring_register", 427),
              Map.entry("open_tree", 428),
              Map.entry("move_mount", 429),
              Map.entry("fsopen", 430),
              Map.entry("fsconfig", 431),
              Map.entry("fsmount", 432),
              Map.entry("fspick", 433),
              Map.entry("mount_setattr", 442),
              Map.entry("quotactl_fd", 443),
              Map.entry("pidfd_getfd", 438),
              Map.entry("process_madvise", 440),
              Map.entry("ptrace", 117),
              Map.entry("process_vm_readv", 270),
              Map.entry("process_vm_writev", 271),
              Map.entry("clone", 220),
              Map.entry("clone3", 435)));

  /** The calls that fail with EPERM whatever the container's capabilities. */
  static final List<String> DENIED =
      List.of(
          "mount",
          "umount2",
          "pivot_root",
          "swapon",
          "swapoff",
          "reboot",
          "init_module",
          "finit_module",
          "delete_module",
          "create_module",
          "get_kernel_syms",
          "query_module",
          "quotactl",
          "nfsservctl",
          "acct",
          "settimeofday",
          "clock_settime",
          "clock_adjtime",
          "kexec_load",
          "kexec_file_load",
          "add_key",
          "request_key",
          "keyctl",
          "unshare",
          "setns",
          "open_by_handle_at",
          "bpf",
          "perf_event_open",
          "userfaultfd",
          "lookup_dcookie",
          "move_pages",
          "mbind",
          "set_mempolicy",
          "migrate_pages",
          "kcmp",
          "syslog",
          "vhangup",
          "fanotify_init",
          "uselib",
          "ustat",
          "sysfs",
          "_sysctl",
          "iopl",
          "ioperm",
          "io_uring_setup",
          "io_uring_enter",
          "io_uring_register",
          "open_tree",
          "move_mount",
          "fsopen",
          "fsconfig",
          "fsmount",
          "fspick",
          "mount_setattr",
          "quotactl_fd");

  /** Denied unless the container holds SYS_PTRACE. */
  static final List<String> TRACING =
      List.of("ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "process_madvise");

  static final int CLONE_NEWUSER = 0x10000000;
  private static final int EPERM = 1;
  private static final int ENOSYS = 38;

  // Classic BPF opcodes and seccomp return values (linux/filter.h, linux/seccomp.h).
  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGE_K = 0x35;
  private static final short JSET_K = 0x45;
  private static final short RET_K = 0x06;
  private static final int RET_ALLOW = 0x7fff0000;
  private static final int RET_ERRNO = 0x00050000;
  private static final int OFFSET_NR = 0;
  private static final int OFFSET_ARCH = 4;
  private static final int OFFSET_ARG0_LOW = 16; // little-endian: the low half comes first

  /** The architecture of this JVM's host, or null when there is no table for it. */
  static Arch host() {
    return switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> X86_64;
      case "aarch64", "arm64" -> AARCH64;
      default -> null;
    };
  }

  /** The program as bytes of {@code struct sock_filter}, in the host's (little-endian) order. */
  static byte[] program(Arch arch, boolean allowTracing) {
    List<Insn> insns = new ArrayList<>();
    insns.add(new Insn(LD_W_ABS, null, null, OFFSET_ARCH));
    insns.add(new Insn(JEQ_K, null, "deny", arch.auditArch()));
    insns.add(new Insn(LD_W_ABS, null, null, OFFSET_NR));
    if (arch.x32Bit()) insns.add(new Insn(JGE_K, "deny", null, 0x40000000));
    List<String> denied = new ArrayList<>(DENIED);
    if (!allowTracing) denied.addAll(TRACING);
    for (String call : denied) {
      Integer nr = arch.calls().get(call);
      if (nr != null) insns.add(new Insn(JEQ_K, "deny", null, nr));
    }
    insns.add(new Insn(JEQ_K, "enosys", null, arch.calls().get("clone3")));
    insns.add(new Insn(JEQ_K, "clone", null, arch.calls().get("clone")));
    insns.add(new Insn(RET_K, null, null, RET_ALLOW).label("allow"));
    insns.add(new Insn(LD_W_ABS, null, null, OFFSET_ARG0_LOW).label("clone"));
    insns.add(new Insn(JSET_K, "deny", null, CLONE_NEWUSER));
    insns.add(new Insn(RET_K, null, null, RET_ALLOW));
    insns.add(new Insn(RET_K, null, null, RET_ERRNO | ENOSYS).label("enosys"));
    insns.add(new Insn(RET_K, null, null, RET_ERRNO | EPERM).label("deny"));
    return assemble(insns);
  }

  private static byte[] assemble(List<Insn> insns) {
    ByteBuffer out = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < insns.size(); i++) {
      Insn insn = insns.get(i);
      out.putShort(insn.code);
      out.put((byte) offset(insns, i, insn.jumpTrue));
      out.put((byte) offset(insns, i, insn.jumpFalse));
      out.putInt(insn.k);
    }
    return out.array();
  }

  /** Jumps are relative to the next instruction; null means fall through. */
  private static int offset(List<Insn> insns, int from, String label) {
    if (label == null) return 0;
    for (int i = from + 1; i < insns.size(); i++) {
      if (label.equals(insns.get(i).label)) {
        int distance = i - from - 1;
        if (distance > 255) throw new IllegalStateException("seccomp jump too long: " + label);
        return distance;
      }
    }
    throw new IllegalStateException("no forward label " + label);
  }

  private static final class Insn {
    final short code;
    final String jumpTrue;
    final String jumpFalse;
    final int k;
    String label;

    Insn(short code, String jumpTrue, String jumpFalse, int k) {
      this.code = code;
      this.jumpTrue = jumpTrue;
      this.jumpFalse = jumpFalse;
      this.k = k;
    }

    Insn label(String name) {
      this.label = name;
      return this;
    }
  }
}
