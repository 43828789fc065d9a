using Vpnns.Interop;
using Xunit;

namespace Vpnns.Tests.Interop;

public class DirectoryWatchTests
{
    [Fact]
    public void Inotify_records_are_decoded_with_padding_and_truncation_handled()
    {
        // wd=1 mask=IN_CREATE cookie=0 len=8 "work\0\0\0\0", then wd=1 mask=IN_DELETE len=4 "old\0", then a truncated record.
        byte[] data =
        [
            1, 0, 0, 0, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, (byte)'w', (byte)'o', (byte)'r', (byte)'k', 0, 0, 0, 0,
            1, 0, 0, 0, 0x00, 0x02, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, (byte)'o', (byte)'l', (byte)'d', 0,
            1, 0, 0, 0, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 64, 0, 0, 0, (byte)'x',
        ];
        var events = DirectoryWatch.Parse(data);
        Assert.Equal([(true, "work"), (false, "old")], events);
    }
}
