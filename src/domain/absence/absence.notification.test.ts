import { describe, expect, it } from 'vitest';
import { draftSocialWelfareNotification, type NotificationDraftInput } from './absence.rules.js';

const makeInput = (over: Partial<NotificationDraftInput> = {}): NotificationDraftInput => ({
  kind: 'child-protection-notification',
  pupil: { name: 'Aino Esimerkki', birthDate: '2013-04-02', school: 'Kirkkoharjun koulu', className: '7B' },
  schoolYear: '2026-2027',
  period: { from: '2026-08-12', to: '2027-02-05' },
  hoursByKind: { unauthorized: 40, sick: 30.5, other: 4 },
  meetings: [
    { date: '2026-11-20', kind: 'multi-agency-meeting', participants: ['nuorisotyö', 'perheneuvola'], agreed: 'tukihenkilö aamuihin' },
    { date: '2026-10-02', kind: 'school-meeting', participants: ['luokanvalvoja', 'kuraattori', 'huoltaja'] },
  ],
  supportMeasures: ['Kevennetty lukujärjestys', 'Aamuisin tukihenkilö koulun ovella'],
  guardianCooperation: [{ date: '2026-09-15', description: 'Puhelu äidin kanssa; äiti kertoi aamujen olevan vaikeita.' }],
  assessments: [{ date: '2026-10-10', name: 'Kearneyn koulupoissaolokysely', summary: 'Poissaolot liittyvät ahdistukseen koulussa.' }],
  findings: 'Poissaolot painottuvat maanantaihin ja liikuntatunteihin.',
  consultation: { date: '2027-02-01', with: 'sosiaalityöntekijä, lastensuojelun konsultaatiopuhelin' },
  guardiansInformed: true,
  followUp: { meetingDate: '2027-02-20', responsiblePerson: 'kuraattori Liisa Laine' },
  sender: { name: 'Liisa Laine', title: 'kuraattori', phone: '040 123 4567' },
  today: '2027-02-06',
  ...over,
});

describe('draftSocialWelfareNotification', () => {
  it('states hours by kind, dates and the concern the seed names, in Finnish', () => {
    const { title, text, missing } = draftSocialWelfareNotification(makeInput());
    expect(title).toBe('Lastensuojeluilmoitus (lastensuojelulaki 417/2007, 25 §)');
    expect(missing).toEqual([]);
    expect(text).toContain('Oppilas: Aino Esimerkki (syntynyt 2.4.2013)');
    expect(text).toContain('lukuvuonna 2026–2027 ajalla 12.8.2026–5.2.2027 poissaoloja yhteensä 74,5 tuntia');
    expect(text).toContain('luvattomia poissaoloja 40 tuntia, sairauspoissaoloja 30,5 tuntia, muita huolestuttavia poissaoloja 4 tuntia');
    expect(text).toContain('vaarantavat oppilaan koulunkäynnin ja normaalin kehityksen ja lisäävät syrjäytymisen riskiä');
  });

  it('lists what the school has found and done: assessments, meetings in date order, support, guardians', () => {
    const { text } = draftSocialWelfareNotification(makeInput());
    expect(text).toContain('- 10.10.2026: Kearneyn koulupoissaolokysely. Poissaolot liittyvät ahdistukseen koulussa.');
    expect(text.indexOf('2.10.2026: Palaveri koulussa')).toBeLessThan(text.indexOf('20.11.2026: Monitoimijainen palaveri'));
    expect(text).toContain('Mukana: nuorisotyö, perheneuvola. Sovittiin: tukihenkilö aamuihin.');
    expect(text).toContain('- Kevennetty lukujärjestys');
    expect(text).toContain('- 15.9.2026: Puhelu äidin kanssa');
    expect(text).toContain('Huoltajat tietävät tästä yhteydenotosta.');
    expect(text).toContain('Seuraava seurantapalaveri on 20.2.2027. Oppilaan asioista koulussa vastaa kuraattori Liisa Laine.');
  });

  it('titles the Social Welfare Act § 35 contact', () => {
    expect(draftSocialWelfareNotification(makeInput({ kind: 'social-welfare-contact' })).title).toBe(
      'Yhteydenotto sosiaalihuoltoon (sosiaalihuoltolaki 1301/2014, 35 §)',
    );
  });

  it('marks every gap instead of hiding it', () => {
    const { text, missing } = draftSocialWelfareNotification(
      makeInput({ meetings: [], supportMeasures: [], guardianCooperation: [], assessments: [], consultation: null, followUp: null }),
    );
    expect(missing).toEqual(['assessments', 'meetings', 'support-measures', 'guardian-cooperation', 'consultation', 'follow-up']);
    expect(text.match(/\[Täydennä:/g)).toHaveLength(6);
    expect(text).not.toContain('eivät ole riittäneet');
  });

  it('writes its own texts in Swedish and English, keeping the school’s entries as written', () => {
    const sv = draftSocialWelfareNotification(makeInput({ lang: 'sv' }));
    expect(sv.title).toBe('Barnskyddsanmälan (barnskyddslagen 417/2007, 25 §)');
    expect(sv.text).toContain('Elev: Aino Esimerkki (född 2.4.2013)');
    expect(sv.text).toContain('olovlig frånvaro 40 timmar, sjukfrånvaro 30,5 timmar, annan oroande frånvaro 4 timmar');
    expect(sv.text).toContain('Möte i skolan');
    expect(sv.text).toContain('- Kevennetty lukujärjestys'); // the school's own words
    const en = draftSocialWelfareNotification(makeInput({ lang: 'en', kind: 'social-welfare-contact', followUp: null }));
    expect(en.title).toBe('Contact to social welfare (Social Welfare Act 1301/2014, section 35)');
    expect(en.text).toContain('the pupil has 74,5 hours of absence in total');
    expect(en.text).toContain('[Complete: the follow-up meeting date');
    expect(en.missing).toEqual(['follow-up']);
    expect(en.text).not.toMatch(/Oppilas:|Täydennä/);
  });
});
