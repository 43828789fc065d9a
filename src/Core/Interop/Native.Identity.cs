using System.Runtime.InteropServices;

namespace Vpnns.Interop;

// Credentials, the user/group database and capabilities. The set* calls are glibc's, which apply the
// change to every thread of the process (reference.md 5.4); the raw syscalls would change one thread only.
internal static partial class Native
{
    internal const int PR_SET_DUMPABLE = 4;
    internal const int PR_SET_NO_NEW_PRIVS = 38;
    internal const int PR_GET_NO_NEW_PRIVS = 39;
    internal const int PR_CAP_AMBIENT = 47;
    internal const int PR_CAP_AMBIENT_CLEAR_ALL = 4;
    internal const uint LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    [LibraryImport(Libc, EntryPoint = "getresuid", SetLastError = true)]
    internal static unsafe partial int GetResUid(uint* real, uint* effective, uint* saved);

    [LibraryImport(Libc, EntryPoint = "getresgid", SetLastError = true)]
    internal static unsafe partial int GetResGid(uint* real, uint* effective, uint* saved);

    [LibraryImport(Libc, EntryPoint = "getgroups", SetLastError = true)]
    internal static unsafe partial int GetGroups(int size, uint* list);

    [LibraryImport(Libc, EntryPoint = "setgroups", SetLastError = true)]
    internal static unsafe partial int SetGroups(nuint size, uint* list);

    [LibraryImport(Libc, EntryPoint = "setresuid", SetLastError = true)]
    internal static partial int SetResUid(uint real, uint effective, uint saved);

    [LibraryImport(Libc, EntryPoint = "setresgid", SetLastError = true)]
    internal static partial int SetResGid(uint real, uint effective, uint saved);

    [LibraryImport(Libc, EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport(Libc, EntryPoint = "capget", SetLastError = true)]
    internal static unsafe partial int CapGet(CapHeader* header, CapData* data);

    [LibraryImport(Libc, EntryPoint = "capset", SetLastError = true)]
    internal static unsafe partial int CapSet(CapHeader* header, CapData* data);

    // The *_r lookups return the error number instead of setting errno.
    [LibraryImport(Libc, EntryPoint = "getgrnam_r")]
    internal static unsafe partial int GetGrNamR(byte* name, Group* group, byte* buffer, nuint size, Group** result);

    [LibraryImport(Libc, EntryPoint = "getpwnam_r")]
    internal static unsafe partial int GetPwNamR(byte* name, Passwd* passwd, byte* buffer, nuint size, Passwd** result);

    [LibraryImport(Libc, EntryPoint = "getpwuid_r")]
    internal static unsafe partial int GetPwUidR(uint uid, Passwd* passwd, byte* buffer, nuint size, Passwd** result);

    [LibraryImport(Libc, EntryPoint = "getgrouplist")]
    internal static unsafe partial int GetGroupList(byte* user, uint group, uint* groups, int* count);

    [StructLayout(LayoutKind.Sequential)]
    internal struct CapHeader
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct CapData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }

    /// <summary>struct group (x86_64): name, passwd, gid, members.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct Group
    {
        public byte* gr_name;
        public byte* gr_passwd;
        public uint gr_gid;
        public byte** gr_mem;
    }

    /// <summary>struct passwd (x86_64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct Passwd
    {
        public byte* pw_name;
        public byte* pw_passwd;
        public uint pw_uid;
        public uint pw_gid;
        public byte* pw_gecos;
        public byte* pw_dir;
        public byte* pw_shell;
    }
}
