export { RegisterService } from './register.service';
export type { ImportResult } from './register.service';
export { FileFault } from './import/table-reader';
export type { Dataset, ImportProgress } from './import/register-import';
export type { VerifyRegisterReport } from './register-verify';
