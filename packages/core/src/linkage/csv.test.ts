import { describe, expect, it } from 'vitest';
import { CsvReader, parseCsv } from './csv';

describe('CSV reader', () => {
  it('reads a BOM, quotes, doubled quotes, line breaks in quotes and CRLF', () => {
    const text = '\uFEFFid,name,note\r\n1,"Smith, J","said ""hi""\nthen left"\r\n2,王芳,\r\n';
    expect(parseCsv(text)).toEqual({
      header: ['id', 'name', 'note'],
      rows: [
        ['1', 'Smith, J', 'said "hi"\nthen left'],
        ['2', '王芳', ''],
      ],
    });
  });

  it('trims the space FEBRL puts after every comma', () => {
    expect(parseCsv('rec_id, given_name, surname\nrec-1-org, , waller').rows).toEqual([
      ['rec-1-org', '', 'waller'],
    ]);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const text = 'a,b\n"x ""y""",2\n3,"4\r\n5"\n';
    const whole = parseCsv(text);
    for (let cut = 1; cut < text.length; cut++) {
      const reader = new CsvReader();
      const rows = [...reader.push(text.slice(0, cut)), ...reader.push(text.slice(cut)), ...reader.end()];
      expect(rows).toEqual([whole.header, ...whole.rows]);
    }
  });
});
