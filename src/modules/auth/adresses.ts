import net from "node:net";

/** "10.0.0.0/8", "192.168.1.10", "2001:db8::/32": a CIDR range or one address; undefined when it is neither. */
export function lirePlage(
  texte: string,
): { adresse: string; prefixe: number; famille: "ipv4" | "ipv6" } | undefined {
  const [adresse = "", prefixeTexte] = texte.trim().split("/");
  const version = net.isIP(adresse);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  const prefixe = prefixeTexte === undefined ? max : Number(prefixeTexte);
  if (!/^\d{1,3}$/.test(prefixeTexte ?? String(max)) || prefixe > max) return undefined;
  return { adresse, prefixe, famille: version === 4 ? "ipv4" : "ipv6" };
}

/** The addresses a key may be used from, or undefined when it may be used from anywhere. */
export function listeAdresses(plages: readonly string[] | null | undefined): net.BlockList | undefined {
  if (!plages || plages.length === 0) return undefined;
  const liste = new net.BlockList();
  for (const p of plages) {
    const plage = lirePlage(p);
    if (plage) liste.addSubnet(plage.adresse, plage.prefixe, plage.famille);
  }
  return liste;
}

/** Whether an address (as the socket gives it: IPv4 may come mapped into IPv6) is in the list. */
export function adresseAdmise(liste: net.BlockList | undefined, ip: string | undefined): boolean {
  if (!liste) return true;
  if (!ip) return false;
  const v4 = ip.startsWith("::ffff:") && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  return liste.check(v4, net.isIPv4(v4) ? "ipv4" : "ipv6");
}
