export { RegisterService } from './register.service';
export { PersonService } from './person.service';
export type { PersonDetail, PersonQuery } from './person.service';
export { registerRoutes } from './register.routes';
export type { ImportResult } from './register.service';
export { FileFault } from './import/table-reader';
export type { Dataset, ImportProgress } from './import/register-import';
export type { VerifyRegisterReport } from './register-verify';
