import { ApiError } from "../../http/errors.js";
import { normaliser } from "../../numbering/index.js";
import type { Executor } from "../audit/audit.repository.js";
import { porteeDuActeur } from "../auth/acces.js";
import type { Acteur } from "../auth/acteur.js";
import { idsParE164, numerosAyantEteDetenusPar } from "./instant.repository.js";
import {
  estComplete,
  NON_DETENU,
  numeroALInstant,
  partageALInstant,
  type ReponseInstant,
} from "./instant.service.js";

/** At most this many numbers per report: each is read from its own history. */
export const MAX_NUMEROS_INSTANT = 5000;

type Reponse = ReponseInstant;
const complete = estComplete;

/** One report row: what an abuse report or a carrier's question needs, in words. */
function ligneDe(r: Reponse): Record<string, string | null> {
  const base = { numero: r.numero, instant: r.instant.toISOString() };
  if (!r.existe) return { ...base, statut: null, client: null, message: r.message };
  if (!complete(r)) return { ...base, statut: null, client: null, message: NON_DETENU };
  const nom = (v: unknown, cle: string) =>
    v && typeof v === "object" && cle in v ? String((v as Record<string, unknown>)[cle]) : null;
  return {
    ...base,
    statut: r.statut.valeur,
    client: nom(r.client.valeur, "code"),
    groupement: nom(r.groupement.valeur, "code"),
    operateur: nom(r.operateur.valeur, "code"),
    campagne_entrante: r.entrant?.campagne.code ?? null,
    hermes_id: r.entrant?.campagne.hermes_id ?? null,
    config: r.entrant?.config_code ?? null,
    campagnes_sortantes: r.sortants.map((s) => s.campagne.code).join(" ") || null,
    fichiers_routage: r.routage?.map((p) => `${p.fichier} v${p.version}`).join(" ") ?? null,
    message: null,
  };
}

/**
 * The same question for a list of numbers, or for the numbers a client held (all of them when staff asks about a
 * client), as rows: the abuse report's file. A client asking gets its own periods only, « non détenu par vous »
 * elsewhere.
 */
export async function numerosALInstant(
  db: Executor,
  acteur: Acteur,
  instant: Date,
  q: { numeros?: string[] | undefined; client_id?: number | undefined },
) {
  const portee = porteeDuActeur(acteur);
  let ids: number[];
  const parClient = !q.numeros?.length;
  if (q.numeros?.length) {
    if (q.numeros.length > MAX_NUMEROS_INSTANT) throw trop();
    const e164 = q.numeros.map((s) => {
      const n = normaliser(s, "FR", { plagesInconnues: true });
      if (!n.ok)
        throw new ApiError(422, n.code, `${s} : ${n.raison}`, [{ champ: "numeros", message: n.raison }]);
      return n.numero.e164;
    });
    ids = (await idsParE164(db, e164)).map((l) => l.id);
  } else {
    const client = "client" in portee ? portee.client : q.client_id;
    if (client === undefined)
      throw new ApiError(422, "VALIDATION", "Indiquez les numéros (numeros) ou le client (client_id).", [
        { champ: "numeros", message: "Obligatoire sans client_id." },
      ]);
    ids = await numerosAyantEteDetenusPar(db, client, MAX_NUMEROS_INSTANT + 1);
    if (ids.length > MAX_NUMEROS_INSTANT) throw trop();
  }
  const lignes: Array<Record<string, string | null>> = [];
  const partage = await partageALInstant(db, acteur, instant);
  for (const id of ids) {
    try {
      const r = await numeroALInstant(db, acteur, id, instant, partage);
      // a client's report lists the numbers it held then; staff asking about a client, the numbers that client held
      if (parClient) {
        if (!complete(r)) continue;
        const tenant = (r.client.valeur as { id?: number } | null)?.id;
        if (q.client_id !== undefined && tenant !== q.client_id) continue;
      }
      lignes.push(ligneDe(r));
    } catch (e) {
      // a number the client never held is not in its report
      if (e instanceof ApiError && e.status === 404) continue;
      throw e;
    }
  }
  return lignes;
}

const trop = () =>
  new ApiError(400, "VALIDATION", `Au plus ${MAX_NUMEROS_INSTANT} numéros par demande : découpez la liste.`, [
    { champ: "numeros", message: `Au plus ${MAX_NUMEROS_INSTANT}.` },
  ]);
