// The bank file formats a batch can be exported in and its results imported from, by name.
import { csvBankAdapter, type BankFileAdapter } from './bank-file';
import { xlsxBankAdapter } from './bank-file-xlsx';

export const bankAdapters: Readonly<Record<string, BankFileAdapter>> = {
  csv: csvBankAdapter,
  xlsx: xlsxBankAdapter,
};
