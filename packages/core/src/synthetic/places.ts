// Where people live: the coverage's villages (村/居委会) and a few places outside it that people come
// from and go to. A place is an index: villages first, then outside places.
import { padJurisdictionCode } from '../jurisdictions/codes';
import type { Random } from './random';
import { WeightedPicker } from './random';

export interface VillageInput {
  /** 12-digit village (村/居委会) code. */
  code: string;
  name: string;
  /** 9-digit township (乡镇/街道) code. */
  townshipCode: string;
  townshipName: string;
}

export interface OutsidePlace {
  /** A county-level division code outside the coverage (6 digits, or 12 with zero padding). */
  code: string;
  name: string;
  /** Weight among departures and arrivals. */
  weight: number;
}

/** Where people of 拜城县 come from and go to: the rest of 阿克苏地区, Urumqi, Kashgar, and inland provinces. */
export const DEFAULT_OUTSIDE_PLACES: readonly OutsidePlace[] = [
  { code: '652901', name: '阿克苏市', weight: 30 },
  { code: '652902', name: '库车市', weight: 20 },
  { code: '652922', name: '温宿县', weight: 10 },
  { code: '652924', name: '沙雅县', weight: 6 },
  { code: '652925', name: '新和县', weight: 6 },
  { code: '652927', name: '乌什县', weight: 4 },
  { code: '650102', name: '乌鲁木齐市天山区', weight: 10 },
  { code: '650104', name: '乌鲁木齐市新市区', weight: 6 },
  { code: '653101', name: '喀什市', weight: 5 },
  { code: '410102', name: '郑州市中原区', weight: 4 },
  { code: '411302', name: '南阳市宛城区', weight: 4 },
  { code: '510104', name: '成都市锦江区', weight: 3 },
  { code: '500101', name: '重庆市万州区', weight: 4 },
  { code: '620102', name: '兰州市城关区', weight: 4 },
  { code: '341202', name: '阜阳市颍州区', weight: 3 },
];

export class Places {
  readonly villageCount: number;
  private readonly codes: string[];
  private readonly regions: string[];
  private readonly townshipOf: Int32Array;
  private readonly townshipNames: string[] = [];
  private readonly townshipVillages: number[][];
  private readonly uyghurPicker: WeightedPicker;
  private readonly hanPicker: WeightedPicker;
  private readonly urbanPicker: WeightedPicker;
  private readonly outsidePicker: WeightedPicker;
  /** Uyghur migrants come and go mostly within Xinjiang (codes 65…). */
  private readonly xinjiangPicker: WeightedPicker;
  private readonly outsideFirst: number;

  constructor(
    villages: readonly VillageInput[],
    outside: readonly OutsidePlace[],
    coverage: string,
    random: Random,
  ) {
    if (villages.length === 0) throw new RangeError('no villages under the coverage');
    this.villageCount = villages.length;
    this.outsideFirst = villages.length;
    this.codes = [...villages.map((v) => v.code), ...outside.map((o) => padJurisdictionCode(o.code))];
    const county = coverage.slice(0, 6).padEnd(6, '0');
    this.regions = [
      ...villages.map((v) => v.code.slice(0, 6) || county),
      ...outside.map((o) => o.code.slice(0, 6)),
    ];
    const townships = new Map<string, number>();
    this.townshipVillages = [];
    this.townshipOf = new Int32Array(villages.length);
    villages.forEach((village, index) => {
      let township = townships.get(village.townshipCode);
      if (township === undefined) {
        township = townships.size;
        townships.set(village.townshipCode, township);
        this.townshipVillages.push([]);
        this.townshipNames.push(village.townshipName);
      }
      this.townshipOf[index] = township;
      this.townshipVillages[township]?.push(index);
    });
    // Village sizes vary; Han residents live mostly in the towns' communities (居委会).
    const size = villages.map(() => 0.4 + random.next() * 1.6);
    const urban = villages.map((_, index) => this.isUrban(index));
    this.uyghurPicker = new WeightedPicker(size.map((s, i) => (urban[i] ? s * 1.5 : s)));
    this.hanPicker = new WeightedPicker(size.map((s, i) => (urban[i] ? s * 8 : s * 0.3)));
    const anyUrban = urban.some(Boolean);
    this.urbanPicker = new WeightedPicker(size.map((s, i) => (urban[i] || !anyUrban ? s : 0)));
    if (outside.length === 0) throw new RangeError('at least one outside place is needed');
    this.outsidePicker = new WeightedPicker(outside.map((o) => o.weight));
    const xinjiang = outside.map((o) => (o.code.startsWith('65') ? o.weight * 9 : o.weight));
    this.xinjiangPicker = new WeightedPicker(xinjiang);
  }

  get count(): number {
    return this.codes.length;
  }

  /** The 12-digit code, as files write it. */
  code(place: number): string {
    return this.codes[place] ?? '';
  }

  /** Every code the generator writes (villages and outside places), in 12-digit form. */
  allCodes(): readonly string[] {
    return this.codes;
  }

  /** The 6-digit region code that ID numbers issued there carry. */
  region(place: number): string {
    return this.regions[place] ?? '';
  }

  /** The township (乡镇) name of a village ('' outside). */
  townshipName(place: number): string {
    return this.isInside(place) ? (this.townshipNames[this.townshipOf[place] ?? 0] ?? '') : '';
  }

  isInside(place: number): boolean {
    return place >= 0 && place < this.outsideFirst;
  }

  /** Residents' committees (居委会, codes x01–x199) are the towns; villages (村) start at 200. */
  isUrban(place: number): boolean {
    return this.isInside(place) && Number((this.codes[place] ?? '').slice(9, 12)) < 200;
  }

  pickVillage(random: Random, ethnicity: string): number {
    return (ethnicity === '05' ? this.uyghurPicker : this.hanPicker).pick(random);
  }

  pickUrban(random: Random): number {
    return this.urbanPicker.pick(random);
  }

  pickOutside(random: Random, ethnicity: string): number {
    return this.outsideFirst + (ethnicity === '05' ? this.xinjiangPicker : this.outsidePicker).pick(random);
  }

  /** Another village of the same township (the same village when it is alone). */
  neighbour(random: Random, place: number): number {
    const township = this.townshipOf[place] ?? 0;
    const villages = this.townshipVillages[township] ?? [place];
    return villages.length > 1 ? random.pick(villages.filter((v) => v !== place)) : place;
  }
}
