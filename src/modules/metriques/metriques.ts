import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../../db/database.js";
import type { Travaux } from "../../travaux/travaux.js";
import type { PublicationHermes } from "../hermes/publication.js";
import type { SnapshotRoutage } from "../hermes/snapshot.js";
import type { VoieRapide } from "../hermes/voie-rapide.js";
import type { Planificateur } from "../planificateur/planificateur.js";
import type { SauvegardesPlanifiees } from "../sauvegarde/sauvegardes-planifiees.js";

/** What the metrics read when Prometheus scrapes: the server's own objects, asked at that moment. */
export interface SourcesMetriques {
  database: Database;
  routage: SnapshotRoutage;
  voieRapide: () => VoieRapide | undefined;
  publication: PublicationHermes;
  planificateur: Planificateur;
  sauvegardes: SauvegardesPlanifiees;
  horloge: () => Date;
  travaux: Travaux;
}

/**
 * The server's metrics in Prometheus' text format (prom-client), one registry per server: requests by route and
 * status with their latency, routing lookups by lane and result, the routing snapshot's size, age and last signal,
 * the database pool and its connection errors, imports, publications, scheduler runs, and the process (memory,
 * event-loop lag: prom-client's default metrics).
 */
export class Metriques {
  readonly registre = new Registry();
  readonly requetes: Counter<"methode" | "route" | "statut">;
  readonly duree: Histogram<"methode" | "route" | "statut">;
  readonly recherches: Counter<"voie" | "sens" | "resultat">;
  readonly importLignes: Counter<"type" | "issue">;

  constructor(sources: SourcesMetriques) {
    const registers = [this.registre];
    collectDefaultMetrics({ register: this.registre, prefix: "telephony_" });
    this.requetes = new Counter({
      name: "telephony_requetes_http_total",
      help: "Requêtes HTTP servies par Fastify, par méthode, route (modèle) et statut",
      labelNames: ["methode", "route", "statut"],
      registers,
    });
    this.duree = new Histogram({
      name: "telephony_requete_http_duree_secondes",
      help: "Durée des requêtes HTTP servies par Fastify",
      labelNames: ["methode", "route", "statut"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // the fast lane answers before Fastify (voie-rapide.ts): its count is read from it at each scrape
    let rapidesComptees = 0;
    this.recherches = new Counter({
      name: "telephony_routage_recherches_total",
      help: "Recherches de routage Hermes : voie (rapide : avant Fastify ; route : la route documentée), sens, résultat",
      labelNames: ["voie", "sens", "resultat"],
      registers,
      collect() {
        const v = sources.voieRapide();
        if (!v) return;
        if (v.servies > rapidesComptees)
          this.inc({ voie: "rapide", sens: "entrant", resultat: "trouve" }, v.servies - rapidesComptees);
        rapidesComptees = v.servies;
      },
    });
    this.recherches.inc({ voie: "rapide", sens: "entrant", resultat: "trouve" }, 0);
    this.importLignes = new Counter({
      name: "telephony_import_lignes_total",
      help: "Lignes importées par l'API, par type et issue (ecrites, rejetees, simulees)",
      labelNames: ["type", "issue"],
      registers,
    });
    const { routage, database, publication, planificateur, horloge, travaux } = sources;
    new Counter({
      name: "telephony_travaux_total",
      help: "Traitements longs commencés (imports, exports, aperçus de déclaration), par travail et fil (dedie : le fil de travail, sur PostgreSQL ; serveur : celui du serveur, base embarquée)",
      labelNames: ["travail", "fil"],
      registers,
      collect() {
        this.reset();
        for (const [cle, n] of travaux.comptes) {
          const [travail, fil] = cle.split(":") as [string, string];
          this.inc({ travail, fil }, n);
        }
      },
    });
    new Gauge({
      name: "telephony_travaux_en_cours",
      help: "Traitements longs en cours",
      registers,
      collect() {
        this.set(travaux.enCours);
      },
    });
    new Gauge({
      name: "telephony_routage_numeros",
      help: "Numéros routés en mémoire (instantané du routage)",
      registers,
      collect() {
        this.set(routage.taille);
      },
    });
    new Gauge({
      name: "telephony_routage_age_secondes",
      help: "Âge du dernier chargement complet du routage (-1 : jamais chargé)",
      registers,
      collect() {
        this.set(routage.chargeLe ? (horloge().getTime() - routage.chargeLe.getTime()) / 1000 : -1);
      },
    });
    new Gauge({
      name: "telephony_routage_version",
      help: "Dernier changement de routage appliqué (tel_routage_version)",
      registers,
      collect() {
        this.set(routage.version);
      },
    });
    new Gauge({
      name: "telephony_routage_dernier_signal_timestamp_secondes",
      help: "Moment du dernier signal de changement appliqué (0 : aucun depuis le démarrage)",
      registers,
      collect() {
        this.set(routage.dernierSignalLe ? routage.dernierSignalLe.getTime() / 1000 : 0);
      },
    });
    new Gauge({
      name: "telephony_base_connexions",
      help: "Connexions du pool de la base : total, utilisees, en_attente (requêtes qui attendent une connexion)",
      labelNames: ["etat"],
      registers,
      collect() {
        const c = database.connexions();
        this.set({ etat: "total" }, c.total);
        this.set({ etat: "utilisees" }, c.total - c.inactives);
        this.set({ etat: "en_attente" }, c.enAttente);
      },
    });
    let erreursComptees = 0;
    new Counter({
      name: "telephony_base_erreurs_connexion_total",
      help: "Connexions à la base perdues ou refusées",
      registers,
      collect() {
        const n = database.etat.erreurs;
        if (n > erreursComptees) this.inc(n - erreursComptees);
        erreursComptees = n;
      },
    });
    new Gauge({
      name: "telephony_base_joignable",
      help: "1 quand la base a répondu la dernière fois qu'on lui a parlé, 0 sinon",
      registers,
      collect() {
        this.set(database.etat.panne ? 0 : 1);
      },
    });
    const publications = new Counter({
      name: "telephony_publications_total",
      help: "Publications des fichiers de routage Hermes, par résultat (succes, echec)",
      labelNames: ["resultat"],
      registers,
    });
    const dernieres = new Gauge({
      name: "telephony_publication_derniere_timestamp_secondes",
      help: "Moment de la dernière publication réussie (succes) ou refusée (echec), 0 : aucune",
      labelNames: ["resultat"],
      registers,
    });
    const tours = new Counter({
      name: "telephony_planificateur_tours_total",
      help: "Tours du planificateur (affectations datées, notifications), par résultat",
      labelNames: ["resultat"],
      registers,
    });
    const sauvegardesFaites = new Counter({
      name: "telephony_sauvegardes_auto_total",
      help: "Sauvegardes automatiques (BACKUP_DIR), par résultat",
      labelNames: ["resultat"],
      registers,
    });
    const derniereSauvegarde = new Gauge({
      name: "telephony_sauvegarde_auto_derniere_timestamp_secondes",
      help: "Moment de la dernière sauvegarde automatique réussie (succes) ou échouée (echec), 0 : aucune",
      labelNames: ["resultat"],
      registers,
    });
    const comptes = {
      succes: 0,
      echec: 0,
      tours: 0,
      toursEchoues: 0,
      sauvegardes: 0,
      sauvegardesEchouees: 0,
    };
    // read from their owners at each scrape: publications and scheduler runs happen outside any request
    const lire = () => {
      const b = publication.bilan;
      for (const [resultat, n, cle] of [
        ["succes", b.succes, "succes"],
        ["echec", b.echecs, "echec"],
      ] as const) {
        if (n > comptes[cle]) publications.inc({ resultat }, n - comptes[cle]);
        comptes[cle] = n;
      }
      dernieres.set({ resultat: "succes" }, b.dernierSucces ? b.dernierSucces.getTime() / 1000 : 0);
      dernieres.set({ resultat: "echec" }, b.dernierEchec ? b.dernierEchec.getTime() / 1000 : 0);
      const p = planificateur.bilan;
      if (p.tours > comptes.tours) tours.inc({ resultat: "succes" }, p.tours - comptes.tours);
      if (p.echecs > comptes.toursEchoues) tours.inc({ resultat: "echec" }, p.echecs - comptes.toursEchoues);
      comptes.tours = p.tours;
      comptes.toursEchoues = p.echecs;
      const sv = sources.sauvegardes.bilan;
      if (sv.succes > comptes.sauvegardes)
        sauvegardesFaites.inc({ resultat: "succes" }, sv.succes - comptes.sauvegardes);
      if (sv.echecs > comptes.sauvegardesEchouees)
        sauvegardesFaites.inc({ resultat: "echec" }, sv.echecs - comptes.sauvegardesEchouees);
      comptes.sauvegardes = sv.succes;
      comptes.sauvegardesEchouees = sv.echecs;
      derniereSauvegarde.set(
        { resultat: "succes" },
        sv.dernierSucces ? sv.dernierSucces.getTime() / 1000 : 0,
      );
      derniereSauvegarde.set({ resultat: "echec" }, sv.dernierEchec ? sv.dernierEchec.getTime() / 1000 : 0);
    };
    this.lireBilans = lire;
    publications.inc({ resultat: "succes" }, 0);
    publications.inc({ resultat: "echec" }, 0);
    tours.inc({ resultat: "succes" }, 0);
    tours.inc({ resultat: "echec" }, 0);
    sauvegardesFaites.inc({ resultat: "succes" }, 0);
    sauvegardesFaites.inc({ resultat: "echec" }, 0);
  }

  private readonly lireBilans: () => void;

  /** The text Prometheus reads. */
  async texte(): Promise<string> {
    this.lireBilans();
    return this.registre.metrics();
  }

  get typeContenu(): string {
    return this.registre.contentType;
  }
}
