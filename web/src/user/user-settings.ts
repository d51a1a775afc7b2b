import { useEffect, useState } from 'react';
import { api } from '../shared/api/client';

/** Something the user can set up by running a stage's configure flow (`/api/v3/stages/all/user_settings/`). */
export interface UserSetting {
  object_uid: string;
  component: string;
  title: string;
  configure_url: string;
}

/** The settings the user can configure, or undefined while loading; an empty list when they cannot be read. */
export function useUserSettings(): UserSetting[] | undefined {
  const [settings, setSettings] = useState<UserSetting[] | undefined>();
  useEffect(() => {
    let live = true;
    api
      .GET('/api/v3/stages/all/user_settings')
      .then(({ data, response }) => live && setSettings(response.ok && Array.isArray(data) ? data : []))
      .catch(() => live && setSettings([]));
    return () => {
      live = false;
    };
  }, []);
  return settings;
}

/** The configure flow's URL, coming back to a page of the user interface when done. */
export function configureLink(setting: UserSetting, back: string): string {
  return `${setting.configure_url}?next=${encodeURIComponent(`/if/user/#${back}`)}`;
}
