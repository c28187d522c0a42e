// The message line under the title bar: a stopped run, a crashed or hung worker, a failed request.

import { useAppStore } from '../store/index';

export function Banner() {
  const banner = useAppStore((s) => s.banner);
  return (
    <div className="banner-slot" aria-live="assertive">
      {banner && (
        <div className={`banner ${banner.tone}`} role={banner.tone === 'error' ? 'alert' : 'status'} data-testid="banner">
          <span>{banner.message}</span>
          <button type="button" className="btn ghost small" onClick={() => useAppStore.getState().dismissBanner()} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
