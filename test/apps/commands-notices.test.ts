import { describe, expect, it } from 'vitest';
import { catalogueNotice, catalogueUrl, isNoticeKey, NOTICE_CATALOGUE, noticeKey } from '../../src/apps/commands/notices.js';
import { mayHaveOfficeHost } from '../../src/apps/taskpane/mode.js';

describe('page des commandes : un catalogue fermé de messages', () => {
  it('la clé voyage dans le fragment, jamais le texte ; la page retrouve le message du catalogue', () => {
    const url = catalogueUrl('https://iae.example.fr/commands.html?hote=office&_host_Info=x', noticeKey('verifier', { kind: 'succes' }));
    expect(new URL(url).search).toBe('?avis=1');
    expect(new URL(url).hash).toBe('#cle=verifier-succes');
    expect(catalogueNotice(url)).toBe(NOTICE_CATALOGUE['verifier-succes']);
    expect(noticeKey('consolider', { kind: 'erreur' })).toBe('consolider-erreur');
    expect(noticeKey('verifier', { kind: 'info' })).toBe('verifier-succes');
  });

  it('un texte ou une clé inconnue dans l’URL ne donne rien à afficher', () => {
    const base = 'https://iae.example.fr/commands.html?avis=1#';
    for (const hash of ['kind=succes&text=Appelez%20le%2008', 'cle=Appelez%20le%2008', 'cle=__proto__', 'cle=constructor', 'cle=', '']) {
      expect(catalogueNotice(base + hash), hash).toBeUndefined();
    }
    expect(catalogueNotice('https://iae.example.fr/commands.html#cle=verifier-succes')).toBeUndefined();
    expect(isNoticeKey('hasOwnProperty')).toBe(false);
    for (const n of Object.values(NOTICE_CATALOGUE)) expect(n.text).toMatch(/^[A-ZÉ].*\.$/);
  });
});

describe('chargement d’Office.js : seulement si Office est là', () => {
  const none = { search: '', windowName: '', sessionHostInfo: null, external: undefined, agaveHost: undefined };
  it('le paramètre du manifeste ou les signaux d’Office', () => {
    expect(mayHaveOfficeHost(none)).toBe(false);
    expect(mayHaveOfficeHost({ ...none, search: '?hote=office' })).toBe(true);
    expect(mayHaveOfficeHost({ ...none, search: '?hote=autre' })).toBe(false);
    expect(mayHaveOfficeHost({ ...none, search: '?_host_Info=Excel$Web$16.00$fr-FR$$$$0' })).toBe(true);
    expect(mayHaveOfficeHost({ ...none, windowName: JSON.stringify({ hostInfo: 'Excel|Win32' }) })).toBe(true);
    expect(mayHaveOfficeHost({ ...none, sessionHostInfo: 'Excel$Win32' })).toBe(true);
  });
});
