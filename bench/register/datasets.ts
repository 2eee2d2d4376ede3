// The register benchmark's datasets: synthetic counties written by the generator through the same
// code as `renkou generate` (villagesUnder + writeCounty of the CLI), into bench/.data/register/<key>/.
// A folder is reused when its bench-dataset.json names the same parameters (written last, so an
// interrupted generation is redone).
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAICHENG_POPULATION, createSyntheticCounty, DEFAULT_OUTSIDE_PLACES } from '@renkou/core';
import { villagesUnder, writeCounty } from '../../packages/cli/src/commands/generate';

export const COVERAGE = '652926';
export const FROM = '2010-01-01';
export const TO = '2024-12-31';

export interface DatasetSpec {
  key: string;
  label: string;
  persons: number;
  seed: number;
}

export const datasetSpecs: Record<string, DatasetSpec> = {
  demo: { key: 'demo', label: `demo county 拜城县 (${COVERAGE})`, persons: BAICHENG_POPULATION, seed: 1 },
  '2m': { key: '2m', label: '2 M persons', persons: 2_000_000, seed: 2 },
  /** A quick check of the benchmark itself (not part of the default run). */
  small: { key: 'small', label: '20 k persons', persons: 20_000, seed: 3 },
};

interface Parameters {
  coverage: string;
  persons: number;
  from: string;
  to: string;
  seed: number;
}

export interface Dataset {
  spec: DatasetSpec;
  dir: string;
  parameters: Parameters;
  /** Rows per file written by the generator. */
  files: Record<string, number>;
  personsRows: number;
  eventsRows: number;
  personsBytes: number;
  eventsBytes: number;
  /** Generation time of this run, or of the run that wrote the folder when reused. */
  generateMs: number;
  reused: boolean;
}

const MARKER = 'bench-dataset.json';

function sameParameters(a: Parameters, b: Parameters): boolean {
  return (
    a.coverage === b.coverage &&
    a.persons === b.persons &&
    a.from === b.from &&
    a.to === b.to &&
    a.seed === b.seed
  );
}

function describe(spec: DatasetSpec, dir: string, marker: Marker, reused: boolean): Dataset {
  return {
    spec,
    dir,
    parameters: marker.parameters,
    files: marker.files,
    personsRows: marker.files['persons.csv'] ?? 0,
    eventsRows: marker.files['events.csv'] ?? 0,
    personsBytes: statSync(join(dir, 'persons.csv')).size,
    eventsBytes: statSync(join(dir, 'events.csv')).size,
    generateMs: marker.generateMs,
    reused,
  };
}

interface Marker {
  parameters: Parameters;
  files: Record<string, number>;
  generateMs: number;
  generatedAt: string;
}

/** The dataset's folder, generated unless it already holds the same parameters. */
export async function ensureDataset(
  dataRoot: string,
  spec: DatasetSpec,
  log: (message: string) => void,
): Promise<Dataset> {
  const dir = join(dataRoot, spec.key);
  const parameters: Parameters = {
    coverage: COVERAGE,
    persons: spec.persons,
    from: FROM,
    to: TO,
    seed: spec.seed,
  };
  const markerPath = join(dir, MARKER);
  if (existsSync(markerPath)) {
    try {
      const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as Marker;
      if (
        sameParameters(marker.parameters, parameters) &&
        existsSync(join(dir, 'persons.csv')) &&
        existsSync(join(dir, 'events.csv'))
      ) {
        log(`${spec.key}: reusing ${dir} (generated ${marker.generatedAt})`);
        return describe(spec, dir, marker, true);
      }
    } catch {
      // regenerate below
    }
  }
  rmSync(dir, { recursive: true, force: true });
  log(`${spec.key}: generating ${spec.persons.toLocaleString('en-US')} persons, seed ${spec.seed} → ${dir}`);
  const start = performance.now();
  const county = createSyntheticCounty({
    villages: await villagesUnder(COVERAGE),
    coverage: COVERAGE,
    outsidePlaces: DEFAULT_OUTSIDE_PLACES.filter((place) => !place.code.startsWith(COVERAGE)),
    persons: spec.persons,
    from: FROM,
    to: TO,
    seed: spec.seed,
  });
  log(`${spec.key}: baseline built in ${((performance.now() - start) / 1000).toFixed(1)} s; writing files…`);
  const files = await writeCounty(county, dir);
  const marker: Marker = {
    parameters,
    files,
    generateMs: Math.round(performance.now() - start),
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  log(`${spec.key}: generated in ${(marker.generateMs / 1000).toFixed(1)} s: ${JSON.stringify(files)}`);
  return describe(spec, dir, marker, false);
}
