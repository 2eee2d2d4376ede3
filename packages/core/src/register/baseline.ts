// persons.csv: everyone alive on the start date whose hukou or residence lies in the coverage.
// A row becomes a PersonState, or is refused with every problem found (so one report fixes them all).
import { crossCheckCitizenId } from './citizen-id';
import { checkDate, resolveCode, resolveIdNumber, type RegisterContext } from './context';
import { withStatus } from './coverage';
import type { PersonState } from './model';
import { normalizePersonName } from './names';
import {
  RegisterErrorCode,
  RegisterWarningCode,
  registerError,
  registerWarning,
  type RegisterError,
  type RegisterWarning,
} from './problems';
import {
  parseCount,
  parseDisabilityGrade,
  parseEthnicity,
  parseFlag,
  parseHukouType,
  parseMaritalStatus,
  parseRelation,
  parseSex,
} from './values';

/** The columns of persons.csv (interchange §1), in the order the export writes them. */
export const PERSON_COLUMNS = [
  'person_id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'ethnicity',
  'hukou_code',
  'residence_code',
  'household_id',
  'relation',
  'marital_status',
  'mother_id',
  'father_id',
  'children_ever_born',
  'hukou_type',
  'disability_grade',
  'only_child_certificate',
  'adopted',
] as const;

/** A persons.csv row: cells by column name as read from the file (empty or absent = unknown). */
export interface BaselinePersonRow {
  person_id: string;
  id_number?: string;
  name: string;
  sex: string;
  birth_date: string;
  ethnicity?: string;
  hukou_code: string;
  residence_code?: string;
  household_id?: string;
  relation?: string;
  marital_status?: string;
  mother_id?: string;
  father_id?: string;
  children_ever_born?: string;
  hukou_type?: string;
  disability_grade?: string;
  only_child_certificate?: string;
  adopted?: string;
  /** Columns beyond the interchange ones, kept as given. */
  attributes?: Record<string, string>;
}

export interface BaselineContext extends RegisterContext {
  /** The dataset's start date: the baseline is the register as it stood that day. */
  start: string;
}

export type BaselineResult =
  | { ok: true; state: PersonState; warnings: RegisterWarning[] }
  | { ok: false; error: RegisterError; errors: RegisterError[] };

/** Reads a coded optional cell: null when empty, undefined (after recording the error) when not accepted. */
function optionalValue<T>(
  raw: string | undefined,
  parse: (value: string) => T | undefined,
  field: string,
  errors: RegisterError[],
): T | null | undefined {
  const value = (raw ?? '').trim();
  if (value === '') return null;
  const parsed = parse(value);
  if (parsed === undefined) {
    errors.push(registerError(RegisterErrorCode.InvalidValue, field, `${field} 的值不正确：${value}`));
  }
  return parsed;
}

function text(raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  return value === '' ? null : value;
}

/**
 * The state of a baseline person. Checks what one row can show (required fields, values, dates,
 * codes valid on the start date, inside the coverage); that mother_id and father_id name people of
 * the file is for the caller, who can use checkMother once all rows are read.
 */
export function personFromBaseline(row: BaselinePersonRow, ctx: BaselineContext): BaselineResult {
  const errors: RegisterError[] = [];
  const warnings: RegisterWarning[] = [];
  const missing = (field: string, label: string) =>
    errors.push(registerError(RegisterErrorCode.MissingField, field, `缺少${label}`));

  const personId = row.person_id.trim();
  if (personId === '') missing('person_id', '人员编号 person_id');
  const name = normalizePersonName(row.name);
  if (name === '') missing('name', '姓名');

  const sexCell = row.sex.trim();
  const sex = sexCell === '' ? undefined : parseSex(sexCell);
  if (sexCell === '') missing('sex', '性别');
  else if (sex === undefined) {
    errors.push(
      registerError(RegisterErrorCode.InvalidValue, 'sex', `性别应为 1（男）或 2（女）：${sexCell}`),
    );
  }

  const birthDate = row.birth_date.trim();
  if (birthDate === '') missing('birth_date', '出生日期');
  else {
    const dateError = checkDate(birthDate, 'birth_date');
    if (dateError) errors.push(dateError);
    else if (birthDate > ctx.start) {
      errors.push(
        registerError(
          RegisterErrorCode.BirthAfterStart,
          'birth_date',
          `出生日期 ${birthDate} 晚于数据起始日 ${ctx.start}，应作为出生事件登记`,
        ),
      );
    }
  }

  const id = resolveIdNumber(row.id_number ?? null, 'id_number', ctx.start);
  if (!id.ok) errors.push(id.error);
  else if (id.id) warnings.push(...crossCheckCitizenId(id.id, { birthDate, sex: sex ?? null }));

  const codes = readCodes(row, ctx, errors);

  const ethnicity = optionalValue(row.ethnicity, parseEthnicity, 'ethnicity', errors);
  const relation = optionalValue(row.relation, parseRelation, 'relation', errors);
  const maritalStatus = optionalValue(row.marital_status, parseMaritalStatus, 'marital_status', errors);
  const childrenEverBorn = optionalValue(row.children_ever_born, parseCount, 'children_ever_born', errors);
  const hukouType = optionalValue(row.hukou_type, parseHukouType, 'hukou_type', errors);
  const disabilityGrade = optionalValue(
    row.disability_grade,
    parseDisabilityGrade,
    'disability_grade',
    errors,
  );
  const adopted = parseFlag(row.adopted ?? '');
  if (adopted === undefined) {
    errors.push(
      registerError(RegisterErrorCode.InvalidValue, 'adopted', `adopted 应为 true 或空：${row.adopted}`),
    );
  }
  const onlyChildCertificate = text(row.only_child_certificate);
  if (onlyChildCertificate !== null) {
    const dateError = checkDate(onlyChildCertificate, 'only_child_certificate');
    if (dateError) errors.push(dateError);
  }
  const motherId = text(row.mother_id);
  const fatherId = text(row.father_id);
  if (personId !== '' && (motherId === personId || fatherId === personId)) {
    errors.push(registerError(RegisterErrorCode.SelfReference, 'mother_id', '人员不能是自己的父亲或母亲'));
  }
  if (sex === 1 && childrenEverBorn) {
    warnings.push(
      registerWarning(
        RegisterWarningCode.ChildrenEverBornForMale,
        'children_ever_born',
        '男性填写了活产子女数 children_ever_born，按原值保留',
      ),
    );
  }

  const [first] = errors;
  if (first !== undefined || sex === undefined || codes === undefined || adopted === undefined) {
    return { ok: false, error: first ?? missingError(), errors };
  }
  const state: PersonState = {
    personId,
    idNumber: id.ok && id.id ? id.id.value : null,
    name,
    sex,
    birthDate,
    ethnicity: ethnicity ?? null,
    hukouCode: codes.hukouCode,
    residenceCode: codes.residenceCode,
    householdId: text(row.household_id),
    relation: relation ?? null,
    maritalStatus: maritalStatus ?? null,
    spouseId: null,
    motherId,
    fatherId,
    childrenEverBorn: childrenEverBorn ?? 0,
    birthOrder: null,
    hukouType: hukouType ?? null,
    disabilityGrade: disabilityGrade ?? null,
    onlyChildCertificate,
    adopted,
    deathDate: null,
    duplicateOf: null,
    status: 'resident',
    attributes: { ...row.attributes },
  };
  const placed = withStatus(state, ctx.coverage);
  if (placed.status !== 'resident') {
    const error = registerError(
      RegisterErrorCode.OutsideCoverage,
      'hukou_code',
      `户籍地 ${placed.hukouCode} 和现居住地 ${placed.residenceCode} 都不在本辖区 ${ctx.coverage} 内`,
    );
    return { ok: false, error, errors: [error] };
  }
  return { ok: true, state: placed, warnings };
}

/** hukou_code required; an empty residence_code is the hukou_code. Both must exist on the start date. */
function readCodes(
  row: BaselinePersonRow,
  ctx: BaselineContext,
  errors: RegisterError[],
): { hukouCode: string; residenceCode: string } | undefined {
  if (row.hukou_code.trim() === '') {
    errors.push(registerError(RegisterErrorCode.MissingField, 'hukou_code', '缺少户籍地 hukou_code'));
    return undefined;
  }
  const hukou = resolveCode(row.hukou_code, 'hukou_code', ctx.start, ctx);
  if (!hukou.ok) errors.push(hukou.error);
  const residenceCell = (row.residence_code ?? '').trim();
  const residence =
    residenceCell === '' ? hukou : resolveCode(residenceCell, 'residence_code', ctx.start, ctx);
  if (!residence.ok && residence !== hukou) errors.push(residence.error);
  return hukou.ok && residence.ok ? { hukouCode: hukou.code, residenceCode: residence.code } : undefined;
}

// Unreachable in practice (every undefined above records an error); keeps the result total.
function missingError(): RegisterError {
  return registerError(RegisterErrorCode.InvalidValue, 'person_id', '记录不完整');
}
