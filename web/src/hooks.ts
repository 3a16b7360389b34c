import { useCallback, useEffect, useState } from "react";
import { api } from "./api.ts";

/** GET a URL; re-fetches when the URL or `key` changes. */
export function useApi<T>(url: string | null, key = 0) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and tick force a reload
  useEffect(() => {
    if (!url) return;
    let live = true;
    setError(null);
    api<T>("GET", url)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [url, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload, setData };
}
