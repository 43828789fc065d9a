namespace Vpnns.Netlink;

/// <summary>rtnetlink multicast groups a subscription can join (values are RTNLGRP_* numbers).</summary>
public enum RtnlGroup
{
    Link = 1,
    Ipv4Address = 5,
    Ipv4Route = 7,
    Ipv6Address = 9,
    Ipv6Route = 11,
    Nsid = 28,
}
