using System.Runtime.InteropServices;
using System.Text;

namespace Vpnns.Interop;

/// <summary>An account from the passwd database.</summary>
public sealed record UserAccount(string Name, uint Uid, uint Gid);

/// <summary>
/// Lookups through glibc NSS (getgrnam_r, getpwnam_r, getgrouplist): whatever /etc/nsswitch.conf, a
/// root-owned file, says. No environment variable influences them.
/// </summary>
public static unsafe class UserDatabase
{
    private const int ERANGE = 34;

    /// <summary>The gid of group <paramref name="name"/>, or null when there is no such group.</summary>
    public static uint? GroupId(string name)
    {
        byte[] key = NulTerminated(name);
        for (nuint size = 1024; ; size *= 2)
        {
            byte[] buffer = new byte[size];
            Native.Group group;
            Native.Group* result;
            int error;
            fixed (byte* k = key)
            fixed (byte* b = buffer)
                error = Native.GetGrNamR(k, &group, b, size, &result);
            if (error == ERANGE && size < (1 << 24))
                continue;
            if (error != 0)
                throw new VpnnsException("cannot look up group", Quote(name), error);
            return result is null ? null : group.gr_gid;
        }
    }

    public static UserAccount? UserByName(string name) => LookUpUser(NulTerminated(name), 0, Quote(name));

    public static UserAccount? UserById(uint uid) => LookUpUser(null, uid, uid.ToString());

    /// <summary>Same as initgroups would set: every group listing <paramref name="user"/>, plus <paramref name="gid"/>.</summary>
    public static uint[] GroupList(string user, uint gid)
    {
        byte[] key = NulTerminated(user);
        int count = 64;
        while (true)
        {
            var groups = new uint[count];
            int n = count;
            int rc;
            fixed (byte* k = key)
            fixed (uint* g = groups)
                rc = Native.GetGroupList(k, gid, g, &n);
            if (rc >= 0)
                return groups[..n];
            if (n <= count)
                throw new VpnnsException("cannot list groups of", Quote(user));
            count = n; // glibc reports the size it needs
        }
    }

    // By name when name is not null, else by uid.
    private static UserAccount? LookUpUser(byte[]? name, uint uid, string subject)
    {
        for (nuint size = 1024; ; size *= 2)
        {
            byte[] buffer = new byte[size];
            Native.Passwd passwd;
            Native.Passwd* result;
            fixed (byte* k = name)
            fixed (byte* b = buffer)
            {
                int error = k is null
                    ? Native.GetPwUidR(uid, &passwd, b, size, &result)
                    : Native.GetPwNamR(k, &passwd, b, size, &result);
                if (error == ERANGE && size < (1 << 24))
                    continue;
                if (error != 0)
                    throw new VpnnsException("cannot look up user", subject, error);
                if (result is null)
                    return null;
                // pw_name points into buffer, which is pinned only inside this block.
                string found = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(passwd.pw_name));
                return new UserAccount(found, passwd.pw_uid, passwd.pw_gid);
            }
        }
    }

    private static string Quote(string name) => Namespaces.NamespaceName.Quote(name);

    private static byte[] NulTerminated(string s)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }
}
