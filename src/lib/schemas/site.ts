/**
 * The partnership's identity: everything that makes a deployment Nottingham's (or any other
 * partnership's) lives in `content/site.yaml`, so src/ holds no place-specific text.
 */
import { z } from 'zod';
import { textSchema, urlSchema } from './common.ts';

export const siteSchema = z.strictObject({
  /** Name of the site as shown in the header and page titles, e.g. "Safer Nottingham Data". */
  site_name: textSchema,
  /** The partnership that publishes the site, e.g. "Nottingham Community Safety Partnership". */
  partnership: textSchema,
  /** Short form of the partnership's name, e.g. "NCSP". */
  partnership_short: textSchema,
  /**
   * The public address of the site's home page, e.g. "https://data.example.org/safer-nottingham/":
   * canonical links, the sitemap, the feed, preview images and citations in downloads use it.
   * SITE_URL and BASE_PATH override it for one build (README "Deployment"). Leave it out until the
   * address is decided: the build then refuses to publish rather than point at this computer.
   */
  url: z
    .url({ protocol: /^https?$/, message: 'expected the full web address of the site, e.g. "https://data.example.org/safer-nottingham/"' })
    .refine((value) => !/^https?:\/\/(localhost|127\.|\[::1\])/i.test(value), {
      message: 'this is an address on this computer, which no reader can open; write the address the site is published at, or leave url out',
    })
    .refine((value) => !/[?#]/.test(value), { message: 'write the address of the home page, without "?" or "#"' })
    .optional(),
  /** One-paragraph description used on the home page and in metadata. */
  description: textSchema,
  /** The local area the partnership serves, used as the default area of every data row. */
  area: z.strictObject({
    /** Area name as written in CSV files and charts, e.g. "Nottingham". */
    name: textSchema,
    /** ONS GSS code of the area, e.g. "E06000018". */
    code: z.string().regex(/^[EKNSW]\d{8}$/, { message: 'expected an ONS area code such as "E06000018"' }),
    /** The police force area the partnership lies in; the ONS importer reads force-level tables for it. */
    police_force_area: z
      .strictObject({
        /** Area name as written in CSV files and charts, e.g. "Nottinghamshire (police force area)". */
        name: textSchema,
        /** ONS GSS code of the police force area, e.g. "E23000019". */
        code: z.string().regex(/^E23\d{6}$/, { message: 'expected a police force area code such as "E23000019"' }),
      })
      .optional(),
  }),
  /** Licence under which pages and data are published. */
  licence: z.strictObject({
    /** Full licence name, e.g. "Open Government Licence v3.0". */
    name: textSchema,
    /** Short name used in citations, e.g. "OGL v3.0". */
    short: textSchema,
    /** Web address of the licence text. */
    url: urlSchema,
  }),
  /** How to contact the partnership about the site, its data or accessibility. */
  contact: z
    .strictObject({
    /** Email address monitored by the support team; leave out until one is published (pages then say so). */
    email: z.email({ message: 'expected an email address' }).optional(),
    /** Postal or web contact shown in the accessibility statement, if any. */
    address: z.string().optional(),
    })
    .default({}),
  /** Brand colours; checked for contrast by the accessibility tests. */
  colours: z
    .strictObject({
      /** Main brand colour, used for the header band and links. Written #rrggbb. */
      brand: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour written #rrggbb' }),
    })
    .default({ brand: '#1d4f76' }),
});

/** The validated partnership identity. */
export type Site = z.infer<typeof siteSchema>;
