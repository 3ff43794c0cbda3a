/**
 * The last step of `geo import`: matched shapes → the text of a counties TopoJSON that `--geo FILE`
 * loads. Ids, names and provinces come from the registry. A shape that does not survive
 * simplification and quantization is found, named and left out, never sinking the others.
 */
import { JOIN_METHODS, type JoinReport } from '../join.js';
import { SOURCE_LABEL, type InputLayer, type SourceKind } from '../import-features.js';
import { layerFromTopology, parseCountiesTopology } from '../topology.js';
import { countiesTopologyText, dropSmallParts, QUANTIZATION, SIMPLIFY_MIN_WEIGHT, type CountyShape } from '../write-layer.js';
import type { Registry } from '../../registry/types.js';
import { sanitizeInline } from '../../text/sanitize.js';

export interface LayerInfo {
  attribution: string;
  sourceFile: string;
  source: SourceKind;
}

export interface LayerText {
  text: string;
  /** Counties whose shapes could not be written, with the reason. */
  dropped: { county: string; reason: string }[];
}

function build(shapes: CountyShape[], report: JoinReport, info: LayerInfo): string {
  const methods = JOIN_METHODS.filter((m) => report.byMethod[m] > 0).map((m) => `${m} ${report.byMethod[m]}`);
  const text = countiesTopologyText(
    shapes,
    {
      layer: 'imported',
      attribution: info.attribution,
      source_file: sanitizeInline(info.sourceFile),
      source: SOURCE_LABEL[info.source],
      join: `${shapes.length} of ${report.registryCounties} registry counties (${methods.join(', ')})`,
      method: 'nk20x10 geo import: features joined to geo/counties.csv; ids and names from the registry; simplified and quantized',
    },
    { simplifyWeight: SIMPLIFY_MIN_WEIGHT, quantization: QUANTIZATION },
  );
  // What `--geo FILE` will do with it: fail here rather than in the dashboard.
  layerFromTopology(parseCountiesTopology(JSON.parse(text)));
  return text;
}

/**
 * The layer text for the report's matches. Throws only when no shape at all can be written;
 * otherwise shapes that fail on their own are listed in `dropped`.
 */
export function layerText(layer: InputLayer, report: JoinReport, registry: Registry, info: LayerInfo): LayerText {
  const byIndex = new Map(layer.features.map((f) => [f.index, f]));
  const dropped: LayerText['dropped'] = [];
  const shapes: CountyShape[] = [];
  for (const m of report.matches) {
    const c = registry.byId.get(m.county)!;
    try {
      shapes.push({
        properties: { id: c.id, name_en: c.name_en, name_ko: c.name_ko, province: registry.provinceById.get(c.province)?.name_en ?? c.province },
        geometry: dropSmallParts(byIndex.get(m.feature)!.geometry),
      });
    } catch (err) {
      dropped.push({ county: c.id, reason: (err as Error).message.slice(0, 120) });
    }
  }
  try {
    return { text: build(shapes, report, info), dropped };
  } catch (whole) {
    // Find the shapes that fail alone, leave them out, and try once more.
    const good = shapes.filter((s) => {
      try {
        build([s], report, info);
        return true;
      } catch (err) {
        dropped.push({ county: s.properties.id, reason: (err as Error).message.slice(0, 120) });
        return false;
      }
    });
    if (good.length === 0 || good.length === shapes.length) throw whole;
    return { text: build(good, report, info), dropped };
  }
}
