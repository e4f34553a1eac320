"""Which IP addresses a harvester may connect to: globally routable unicast ones only.

Pure (no network, no DNS): `scraper.http` resolves a host once, asks `refusal` about every
address it got, and connects only to the addresses that passed.

The test is `ipaddress`'s `is_global` (IANA's special-purpose registries), not a hand-kept list
of private ranges, plus what `is_global` does not cover on every Python version:

- multicast and site-local addresses (`224.0.0.1`, `ff02::1`, `fec0::1`) are not hosts;
- IPv6 forms that carry an IPv4 address are judged by that IPv4 address as well: IPv4-mapped
  (`::ffff:10.0.0.1`), IPv4-compatible (`::10.0.0.1`), 6to4 (`2002:0a00:0001::`), Teredo
  (`2001::/32`, its client address) and the well-known NAT64 prefix (`64:ff9b::10.0.0.1`):
  a packet to one of them ends up at the embedded IPv4 host (on this machine, through a relay
  or through a NAT64 gateway);
- the local-use NAT64 prefix `64:ff9b:1::/48` (RFC 8215) is a private network's.
"""
from __future__ import annotations

import ipaddress
from ipaddress import IPv4Address, IPv6Address, IPv6Network

IPAddress = IPv4Address | IPv6Address

NAT64_WELL_KNOWN = IPv6Network("64:ff9b::/96")          # RFC 6052: IPv4 in the last 32 bits
NAT64_LOCAL_USE = IPv6Network("64:ff9b:1::/48")         # RFC 8215: a network's own translator
IPV4_COMPATIBLE = IPv6Network("::/96")                  # RFC 4291, deprecated: ::a.b.c.d


def parse_address(text: str | IPAddress) -> IPAddress:
    """An address as `getaddrinfo` prints it (an IPv6 zone such as `%eth0` is allowed).
    Raises ValueError for anything that is not an IP address."""
    if isinstance(text, (IPv4Address, IPv6Address)):
        return text
    return ipaddress.ip_address(text)


def embedded_ipv4(address: IPv6Address) -> tuple[str, IPv4Address] | None:
    """The IPv4 address an IPv6 address carries, with the name of the form; None if none."""
    if address.ipv4_mapped is not None:
        return "IPv4-mapped", address.ipv4_mapped
    if address.sixtofour is not None:
        return "6to4", address.sixtofour
    if address.teredo is not None:
        return "Teredo client", address.teredo[1]
    if address in NAT64_WELL_KNOWN:
        return "NAT64", IPv4Address(int(address) & 0xFFFF_FFFF)
    if address in IPV4_COMPATIBLE and int(address) > 0xFFFF:
        return "IPv4-compatible", IPv4Address(int(address) & 0xFFFF_FFFF)
    return None


def refusal(address: str | IPAddress) -> str | None:
    """Why a connection to `address` is refused ("not globally routable", "multicast",
    "6to4 of 10.0.0.1, not globally routable"...), or None when it is a public unicast address.
    Raises ValueError for text that is not an IP address."""
    address = parse_address(address)
    if isinstance(address, IPv6Address):
        embedded = embedded_ipv4(address)
        if embedded is not None:
            form, inner = embedded
            reason = _own_refusal(inner)
            if reason is not None:
                return f"{form} {inner}, {reason}"
            if form in ("IPv4-mapped", "6to4", "NAT64"):
                return None                   # reaches `inner`, a public host
        if address in NAT64_LOCAL_USE:
            return "local-use NAT64 prefix, not globally routable"
    return _own_refusal(address)


def is_public(address: str | IPAddress) -> bool:
    """True for a globally routable unicast address (see `refusal`)."""
    return refusal(address) is None


def _own_refusal(address: IPAddress) -> str | None:
    """The verdict on the address itself, without looking inside it."""
    if address.is_multicast:
        return "multicast"
    if isinstance(address, IPv6Address) and address.is_site_local:
        return "site-local, not globally routable"
    if not address.is_global:
        return "not globally routable"
    return None


__all__ = ["IPAddress", "embedded_ipv4", "is_public", "parse_address", "refusal"]
