// The parser ships without types: what the metrics test uses of it.
declare module "parse-prometheus-text-format" {
  export default function parsePrometheusTextFormat(texte: string): unknown[];
}
