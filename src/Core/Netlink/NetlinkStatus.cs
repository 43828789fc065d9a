using System.Runtime.InteropServices;
using static Vpnns.Netlink.Uapi;

namespace Vpnns.Netlink;

/// <summary>How a request ended: errno 0 for success, else the kernel's errno and extended-ack text.</summary>
internal readonly record struct NetlinkStatus(int Errno, string? Detail, uint? BadAttributeOffset = null)
{
    public static NetlinkStatus Success => default;

    public bool IsSuccess => Errno == 0;

    /// <summary>The exception for a failed request, naming what was attempted on what.</summary>
    public VpnnsException ToException(string operation, string subject) => new(operation, subject, Errno, Detail);

    /// <summary>
    /// Reads NLMSG_ERROR: an s32 (0 or -errno), the echoed request (header only when NLM_F_CAPPED),
    /// then, with NLM_F_ACK_TLVS, NLMSGERR_ATTR_* attributes.
    /// </summary>
    public static NetlinkStatus FromError(in NetlinkMessage message)
    {
        ReadOnlySpan<byte> payload = message.Payload;
        if (payload.Length < 4 + NLMSG_HDRLEN)
            throw NetlinkReader.Malformed($"error message has {payload.Length} payload bytes, needs {4 + NLMSG_HDRLEN}");
        int error = MemoryMarshal.Read<int>(payload);
        int echoed = message.HasFlag(NLM_F_CAPPED) ? NLMSG_HDRLEN : (int)MemoryMarshal.Read<uint>(payload[4..]);
        if (echoed < NLMSG_HDRLEN || 4 + echoed > payload.Length)
            throw NetlinkReader.Malformed($"error message echoes {echoed} bytes, {payload.Length - 4} present");
        return FromCode(error, message.HasFlag(NLM_F_ACK_TLVS) ? message.AttributesAfter(4 + echoed) : default);
    }

    /// <summary>Reads NLMSG_DONE: an s32 status (absent from very old kernels), then ext-ack attributes.</summary>
    public static NetlinkStatus FromDone(in NetlinkMessage message)
    {
        if (message.Payload.Length < 4)
            return Success;
        int error = MemoryMarshal.Read<int>(message.Payload);
        return FromCode(error, message.HasFlag(NLM_F_ACK_TLVS) ? message.AttributesAfter(4) : default);
    }

    private static NetlinkStatus FromCode(int error, AttributeReader extAck)
    {
        if (error > 0)
            throw NetlinkReader.Malformed($"error code {error} is positive");
        string? text = null;
        uint? offset = null;
        while (extAck.TryRead(out NetlinkAttribute attribute))
        {
            if (attribute.Type == NLMSGERR_ATTR_MSG)
                text = attribute.String();
            else if (attribute.Type == NLMSGERR_ATTR_OFFS)
                offset = attribute.U32();
        }
        return new NetlinkStatus(-error, string.IsNullOrEmpty(text) ? null : OneLine(text), offset);
    }

    // The text ends up inside a one-line error message; a control character in it (found by fuzz/,
    // corpus netlink-reply/ext-ack-line-break) would split that line or forge a second one.
    private static string OneLine(string text) =>
        string.Create(text.Length, text, (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++)
                chars[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });
}
