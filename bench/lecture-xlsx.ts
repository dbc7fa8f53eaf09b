// The XLSX reader under load: the same small workbook read BENCH_LECTURES times, 8 at a time, through the import's
// reader, each result compared with the first. ExcelJS's streaming reader once lost a workbook's last entries about
// once in 2,400 reads when the machine was busy (« Cannot read properties of undefined (reading 'sheets') »), so run
// several at once beside busy processes to see a failure rate:
//   for i in 1 2 3; do node -e "const t=Date.now();while(Date.now()-t<100000){}" & done
//   for i in 1 2 3 4; do npx tsx bench/lecture-xlsx.ts & done; wait

import ExcelJS from "exceljs";
import { lireFichier } from "../src/modules/transfert/lecture-fichier.js";

const LECTURES = Number(process.env.BENCH_LECTURES ?? 2400);
const limites = {
  lignes: 100_000,
  colonnes: 50,
  xlsxDecompresseOctets: 50e6,
  memoireMo: 100,
  dureeMs: 60_000,
};

const classeur = new ExcelJS.Workbook();
const feuille = classeur.addWorksheet("SDA");
feuille.addRow(["numero", "description"]);
for (let i = 0; i < 50; i++) feuille.addRow([`01461${String(i).padStart(5, "0")}`, `ligne ${i}`]);
const xlsx = Buffer.from(await classeur.xlsx.writeBuffer());

async function lire(): Promise<string> {
  const lu: string[] = [];
  await lireFichier(xlsx, limites, (m) => {
    if (m.type === "entetes") lu.push(m.entetes.join(","));
    if (m.type === "lignes") for (const [, ligne] of m.lignes) lu.push(ligne);
  });
  return lu.join("|");
}

const reference = await lire();
let justes = 0;
const erreurs = new Map<string, number>();
const debut = performance.now();
for (let fait = 0; fait < LECTURES; fait += 8) {
  for (const r of await Promise.allSettled(Array.from({ length: 8 }, lire))) {
    if (r.status === "fulfilled" && r.value === reference) justes++;
    else {
      const quoi = r.status === "rejected" ? (r.reason as Error).message : "contenu différent";
      erreurs.set(quoi, (erreurs.get(quoi) ?? 0) + 1);
    }
  }
}
const total = Math.ceil(LECTURES / 8) * 8;
console.log(
  `${total} lectures en ${Math.round(performance.now() - debut)} ms : ${justes} justes, ${total - justes} en échec`,
  Object.fromEntries(erreurs),
);
