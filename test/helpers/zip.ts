/**
 * A ZIP rewritten as other tools write it: entries in a given order, and with `descripteurs` each entry's sizes
 * and checksum after its data instead of in its header (bit 3), as Java's ZipOutputStream does.
 */
export function zipReecrit(zip: Buffer, ordre: (noms: string[]) => string[], descripteurs: boolean): Buffer {
  const fin = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const nombre = zip.readUInt16LE(fin + 10);
  const entrees = new Map<string, { local: Buffer; donnees: Buffer; central: Buffer }>();
  let p = zip.readUInt32LE(fin + 16);
  for (let k = 0; k < nombre; k++) {
    const n = zip.readUInt16LE(p + 28);
    const finCentral = p + 46 + n + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const debut = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entrees.set(zip.toString("utf8", p + 46, p + 46 + n), {
      local: Buffer.from(zip.subarray(local, debut)),
      donnees: zip.subarray(debut, debut + zip.readUInt32LE(p + 20)),
      central: Buffer.from(zip.subarray(p, finCentral)),
    });
    p = finCentral;
  }
  const morceaux: Buffer[] = [];
  const centraux: Buffer[] = [];
  let position = 0;
  for (const nom of ordre([...entrees.keys()])) {
    const e = entrees.get(nom);
    if (!e) throw new Error(`pas d'entrée ${nom}`);
    e.central.writeUInt32LE(position, 42);
    const bloc = [e.local, e.donnees];
    if (descripteurs) {
      e.local.writeUInt16LE(e.local.readUInt16LE(6) | 0x8, 6);
      e.central.writeUInt16LE(e.central.readUInt16LE(8) | 0x8, 8);
      const descripteur = Buffer.alloc(16);
      descripteur.writeUInt32LE(0x08074b50, 0);
      e.central.copy(descripteur, 4, 16, 28);
      e.local.fill(0, 14, 26);
      bloc.push(descripteur);
    }
    morceaux.push(...bloc);
    centraux.push(e.central);
    position += bloc.reduce((t, b) => t + b.length, 0);
  }
  const repertoire = Buffer.concat(centraux);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(nombre, 8);
  eocd.writeUInt16LE(nombre, 10);
  eocd.writeUInt32LE(repertoire.length, 12);
  eocd.writeUInt32LE(position, 16);
  return Buffer.concat([...morceaux, repertoire, eocd]);
}
