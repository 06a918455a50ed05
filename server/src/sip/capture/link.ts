// From a link-layer frame to the IP packet it carries.

const NAMES: Record<number, string> = {
  0: 'BSD loopback',
  1: 'Ethernet',
  12: 'raw IP',
  14: 'raw IP',
  101: 'raw IP',
  108: 'OpenBSD loopback',
  113: 'Linux cooked (SLL)',
  228: 'raw IPv4',
  229: 'raw IPv6',
  276: 'Linux cooked v2 (SLL2)',
};

export function linkTypeName(linkType: number): string {
  return NAMES[linkType] ?? `link type ${linkType}`;
}

export function isKnownLinkType(linkType: number): boolean {
  return linkType in NAMES;
}

/** AF_INET, and AF_INET6 as Linux, the BSDs and macOS number it. */
const LOOPBACK_FAMILIES = new Set([2, 10, 24, 28, 30]);
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
/** 802.1Q, 802.1ad (QinQ) and the old QinQ type: a 4-byte tag before the real type. */
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);

function byEthertype(data: Uint8Array, typeAt: number): Uint8Array | undefined {
  let at = typeAt;
  let type = (data[at] << 8) | data[at + 1];
  while (VLAN_TAGS.has(type) && at + 6 <= data.length) {
    at += 4;
    type = (data[at] << 8) | data[at + 1];
  }
  return isIpType(type) ? data.subarray(at + 2) : undefined;
}

function isIpType(type: number): boolean {
  return type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6;
}

/** The IP packet inside a frame, or undefined for anything else (ARP, LLDP, …). */
export function ipPayload(linkType: number, data: Uint8Array): Uint8Array | undefined {
  switch (linkType) {
    case 1:
      return data.length >= 14 ? byEthertype(data, 12) : undefined;
    case 113:
      return data.length >= 16 ? byEthertype(data, 14) : undefined;
    case 276:
      return data.length >= 20 && isIpType((data[0] << 8) | data[1]) ? data.subarray(20) : undefined;
    case 0:
    case 108: {
      if (data.length < 5) return undefined;
      // The address family: in the capturing host's byte order (NULL, so either), in network order (LOOP).
      const bigEndian = ((data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3]) >>> 0;
      const littleEndian = ((data[3] << 24) | (data[2] << 16) | (data[1] << 8) | data[0]) >>> 0;
      const ip = LOOPBACK_FAMILIES.has(bigEndian) || (linkType === 0 && LOOPBACK_FAMILIES.has(littleEndian));
      return ip ? data.subarray(4) : undefined;
    }
    case 12:
    case 14:
    case 101:
    case 228:
    case 229:
      return data;
    default:
      return undefined;
  }
}
