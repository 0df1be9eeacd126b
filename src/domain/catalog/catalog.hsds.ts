/**
 * Mapping of catalogue rows to Open Referral HSDS 3.0 (the international format for
 * human-service directories). Optional fields are left out rather than sent as null,
 * because HSDS types them as plain strings and numbers. Sub-records that have no row of
 * their own (phones, languages, areas …) get stable UUIDs derived from the service id.
 */
import type { ServiceWithProvider } from './catalog.repository.js';
import { derivedUuid } from './catalog.rules.js';

type Obj = Record<string, unknown>;

export interface HsdsOrganizationRow {
  id: string;
  name: string;
  name_sv: string | null;
  name_en: string | null;
  sector: string;
  phone: string | null;
}

const SECTOR_FI: Record<string, string> = {
  municipality: 'Kunta',
  'wellbeing-county': 'Hyvinvointialue',
  ngo: 'Järjestö tai seurakunta',
  private: 'Yksityinen palveluntuottaja',
  kela: 'Kela',
  state: 'Valtion viranomainen',
  'specialist-care': 'Erikoissairaanhoito',
};

const ACCESS_FI: Record<string, string> = {
  open: 'Voit tulla ilman ajanvarausta.',
  booking: 'Varaa aika.',
  referral: 'Tarvitset lähetteen.',
  decision: 'Palvelu myönnetään viranhaltijan päätöksellä; hae palvelua.',
};

const LANG_NAMES: Record<string, string> = { fi: 'suomi', sv: 'ruotsi', en: 'englanti', se: 'saame', ru: 'venäjä', et: 'viro', ar: 'arabia', so: 'somali' };

function compact(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

const isEmail = (v: string | null) => v !== null && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
const isHttpUrl = (v: string | null) => v !== null && /^https?:\/\/\S+$/.test(v);

export function hsdsOrganization(o: HsdsOrganizationRow): Obj {
  return compact({
    id: o.id,
    name: o.name,
    alternate_name: o.name_sv ?? o.name_en,
    description: SECTOR_FI[o.sector] ?? o.sector,
    legal_status: o.sector,
  });
}

/** The organisation a service belongs to, also for imported producers that are not Polku organisations. */
function organizationOf(r: ServiceWithProvider): Obj | null {
  if (r.organization_id && r.org_name) {
    return hsdsOrganization({ id: r.organization_id, name: r.org_name, name_sv: null, name_en: null, sector: r.org_sector ?? '', phone: null });
  }
  if (r.provider_name) {
    return { id: derivedUuid(`provider:${r.provider_name}`), name: r.provider_name, description: SECTOR_FI[r.provider_sector ?? ''] ?? 'Palveluntuottaja' };
  }
  return null;
}

/** One-to-one fields only: the shape of `service_list.json`. */
export function hsdsServiceSummary(r: ServiceWithProvider): Obj {
  const org = organizationOf(r);
  return compact({
    id: r.id,
    organization_id: org?.id as string | undefined,
    name: r.name_fi,
    alternate_name: r.name_sv ?? r.name_en,
    description: [r.summary_fi, r.description_fi].filter(Boolean).join('\n\n'),
    url: isHttpUrl(r.url) ? r.url : null,
    email: isEmail(r.email) ? r.email : null,
    status: r.status === 'active' ? 'active' : 'inactive',
    application_process: r.access_route ? ACCESS_FI[r.access_route] : null,
    fees_description: r.cost,
    eligibility_description: r.legal_basis ? `Lakiperuste: ${r.legal_basis}` : null,
    minimum_age: r.age_min,
    maximum_age: r.age_max,
    last_modified: new Date(r.updated_at).toISOString(),
    organization: org,
  });
}

function attribute(serviceId: string, linkType: string, vocabulary: string, value: string): Obj {
  return {
    id: derivedUuid(`${serviceId}:${linkType}:${value}`),
    link_id: serviceId,
    link_type: linkType,
    link_entity: 'service',
    value,
    taxonomy_term: { id: derivedUuid(`term:${vocabulary}:${value}`), code: value, name: value, description: `${vocabulary}: ${value}`, taxonomy: vocabulary },
  };
}

/** The fully nested service: the shape of `service.json`. */
export function hsdsService(r: ServiceWithProvider, municipalityNames: Map<string, string>): Obj {
  const id = r.id;
  const areas: Obj[] = r.area_national
    ? [{ id: derivedUuid(`${id}:area:national`), service_id: id, name: 'Koko Suomi', extent_type: 'text', extent: 'FI' }]
    : [
        ...r.area_county_codes.map((c) => ({ id: derivedUuid(`${id}:area:county:${c}`), service_id: id, name: `Hyvinvointialue ${c}`, extent_type: 'text', extent: `county:${c}` })),
        ...r.area_municipality_codes.map((c) => ({ id: derivedUuid(`${id}:area:${c}`), service_id: id, name: municipalityNames.get(c) ?? c, extent_type: 'text', extent: `municipality:${c}` })),
      ];
  return {
    ...hsdsServiceSummary(r),
    phones: r.phone ? [{ id: derivedUuid(`${id}:phone`), service_id: id, number: r.phone, type: 'voice' }] : [],
    schedules: r.opening_hours ? [{ id: derivedUuid(`${id}:schedule`), service_id: id, description: r.opening_hours }] : [],
    service_areas: areas,
    languages: r.languages.map((code) => compact({ id: derivedUuid(`${id}:lang:${code}`), service_id: id, code, name: LANG_NAMES[code] })),
    cost_options: [],
    contacts: [],
    funding: [],
    required_documents: [],
    service_at_locations: [],
    attributes: [
      ...r.segments.map((v) => attribute(id, 'segment', 'keusote-segment', v)),
      ...r.client_groups.map((v) => attribute(id, 'audience', 'polku-client-group', v)),
      ...r.channels.map((v) => attribute(id, 'channel', 'polku-channel', v)),
      ...r.service_classes.map((v) => attribute(id, 'service_class', 'ptv-service-class', v)),
    ],
    metadata: [],
  };
}

/** HSDS pagination envelope (`Page` in the HSDS OpenAPI). */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
