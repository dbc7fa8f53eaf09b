// What the routing snapshot answers: an inbound route, a number to present, a route as the files list it.

export interface RouteEntrante {
  numero: string;
  did_id: number;
  campagne: { id: number; code: string; hermes_id: string | null };
  config: Record<string, unknown> | null;
  config_code: string | null;
  alias: string | null;
  affectation_id: number;
}

export interface NumeroSortant {
  numero: string;
  did_id: number;
  priorite: number;
  region: string | null;
  type: string | null;
  alias: string | null;
  local: boolean;
}

export interface RouteCourante {
  numero: string;
  sens: "entrant" | "sortant" | "entrant+sortant";
  campagne_code: string;
  hermes_id: string | null;
  config_code: string | null;
  alias: string | null;
  priorite: number;
}
