import { useEffect, useState } from 'react';
import { api } from './api/client';

/** What the brand of this host says about how pages look. */
export interface Brand {
  title: string;
  logo: string;
  favicon: string;
}

/** Only images served from this origin or over https are shown. */
function image(value: unknown): string {
  return typeof value === 'string' && (/^\/(?!\/)/.test(value) || value.startsWith('https://')) ? value : '';
}

/** The current brand (`/api/v3/core/brands/current/`); undefined until known or when it cannot be read. */
export function useBrand(): Brand | undefined {
  const [brand, setBrand] = useState<Brand | undefined>();
  useEffect(() => {
    let live = true;
    api
      .GET('/api/v3/core/brands/current')
      .then(({ data, response }) => {
        if (!live || !response.ok || !data) return;
        const read = data as Record<string, unknown>;
        setBrand({
          title: typeof read.branding_title === 'string' ? read.branding_title : '',
          logo: image(read.branding_logo),
          favicon: image(read.branding_favicon),
        });
      })
      // Branding is decoration: without it the page still works.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!brand?.favicon) return;
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (link) {
      link.removeAttribute('type');
      link.href = brand.favicon;
    }
  }, [brand?.favicon]);
  return brand;
}
