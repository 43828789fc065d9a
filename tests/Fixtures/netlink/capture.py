#!/usr/bin/env python3
"""Regenerates the recorded kernel replies in this folder (run as root; needs iproute2).

(This kernel has no dummy driver, so a bridge stands in for it.)
Builds a throwaway namespace, sends requests over a raw NETLINK_ROUTE socket opened inside it and
writes each received datagram as hex, one file per scenario. The port id the kernel assigned
is recorded in the header comment because replies carry it in nlmsg_pid.
"""
import ctypes, os, socket, struct, subprocess, sys, traceback

NS = "vtcapture%d" % os.getpid()
SOL_NETLINK, NETLINK_CAP_ACK, NETLINK_EXT_ACK, NETLINK_GET_STRICT_CHK = 270, 10, 11, 12
HERE = os.path.dirname(os.path.abspath(__file__))


def ip(*args):
    subprocess.run(["ip", "-n", NS, *args], check=True)


def nlsock(ext_ack=True):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    if ext_ack:
        s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        s.setsockopt(SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1)
    s.bind((0, 0))
    return s


def msg(mtype, flags, body, seq=1):
    return struct.pack("=IHHII", 16 + len(body), mtype, flags, seq, 0) + body


def attr(atype, payload):
    data = struct.pack("=HH", 4 + len(payload), atype) + payload
    return data + b"\0" * (-len(data) % 4)


def write(name, comment, datagrams, port):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("# %s\n# recorded from Linux %s, reply nlmsg_pid = %d; one datagram per paragraph\n"
                % (comment, os.uname().release, port))
        for d in datagrams:
            f.write("\n")
            for i in range(0, len(d), 16):
                f.write(" ".join("%02x" % b for b in d[i:i + 16]) + "\n")


def exchange(s, request, until_done):
    s.send(request)
    out = []
    while True:
        d = s.recv(65536)
        out.append(d)
        off = 0
        while off < len(d):
            ln, ty = struct.unpack_from("=IH", d, off)
            if ty in (2, 3) and (until_done or ty == 2):
                return out
            off += (ln + 3) & ~3


def main():
    subprocess.run(["ip", "netns", "add", NS], check=True)
    try:
        ip("link", "set", "lo", "up")
        ip("link", "add", "vxc0", "type", "bridge")
        ip("link", "set", "vxc0", "up")
        ip("tuntap", "add", "vxtun", "mode", "tun")
        ip("link", "set", "vxtun", "up")
        ip("address", "add", "10.8.0.6", "peer", "10.8.0.5", "dev", "vxtun")
        for i in range(1, 4):
            ip("address", "add", "10.9.%d.1/24" % i, "dev", "vxc0")
        ip("-6", "address", "add", "fd00:8::2/64", "dev", "vxc0", "nodad")
        ip("route", "add", "198.51.100.0/24", "via", "10.9.1.254", "metric", "7")
        ip("route", "add", "default", "dev", "vxtun")
        pid = os.fork()
        if pid == 0:
            try:
                fd = os.open("/run/netns/" + NS, os.O_RDONLY)
                if ctypes.CDLL(None, use_errno=True).setns(fd, 0x40000000) != 0:
                    raise OSError(ctypes.get_errno(), "setns")
                record()
                os._exit(0)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        sys.exit(os.waitstatus_to_exitcode(status))
    finally:
        subprocess.run(["ip", "netns", "del", NS])


def record():
    index = socket.if_nametoindex("vxc0")
    tun = socket.if_nametoindex("vxtun")
    s = nlsock()
    port = s.getsockname()[0]
    addr = lambda a: struct.pack("=BBBBi", 2, 24, 0, 0, index) + attr(2, socket.inet_aton(a)) + attr(1, socket.inet_aton(a))
    write("ack.hex", "RTM_NEWADDR 10.9.9.1/24 accepted: NLMSG_ERROR 0, NLM_F_CAPPED",
          exchange(s, msg(20, 0x605, addr("10.9.9.1")), False), port)
    write("error-ext-ack.hex", "RTM_NEWADDR 10.9.9.1/24 again: EEXIST with NLMSGERR_ATTR_MSG",
          exchange(s, msg(20, 0x605, addr("10.9.9.1"), seq=2), False), port)
    ifinfo = struct.pack("=BxHiII", 0, 0, 0, 0, 0)
    write("link-dump.hex", "RTM_GETLINK dump (lo, bridge vxc0, tun vxtun) with IFLA_EXT_MASK SKIP_STATS",
          exchange(s, msg(18, 0x301, ifinfo + attr(29, struct.pack("=I", 8)), seq=3), True), port)
    write("address-dump.hex", "RTM_GETADDR dump, AF_UNSPEC: p2p, subnet, IPv6 nodad and link-local addresses",
          exchange(s, msg(22, 0x301, struct.pack("=BBBBi", 0, 0, 0, 0, 0), seq=4), True), port)
    write("route-dump.hex", "RTM_GETROUTE dump, AF_INET, table main",
          exchange(s, msg(26, 0x301, struct.pack("=BBBBBBBBI", 2, 0, 0, 0, 254, 0, 0, 0, 0), seq=5), True), port)
    write("route-dump-missing-table.hex", "RTM_GETROUTE dump, AF_INET, table 100 that does not exist: NLMSG_DONE -ENOENT",
          exchange(s, msg(26, 0x301, struct.pack("=BBBBBBBBI", 2, 0, 0, 0, 100, 0, 0, 0, 0), seq=6), True), port)
    write("link-get-missing.hex", "RTM_GETLINK for name nosuchdev: ENODEV",
          exchange(s, msg(18, 0x5, ifinfo + attr(3, b"nosuchdev\0"), seq=7), False), port)
    plain = nlsock(ext_ack=False)
    bad = struct.pack("=BBBBi", 2, 32, 0, 0, 99) + attr(2, socket.inet_aton("10.8.0.6")) + attr(1, socket.inet_aton("10.8.0.5"))
    write("error-full-echo.hex", "RTM_NEWADDR on index 99 without socket options: ENODEV, whole request echoed",
          exchange(plain, msg(20, 0x605, bad), False), plain.getsockname()[0])
    del tun


if __name__ == "__main__":
    main()
