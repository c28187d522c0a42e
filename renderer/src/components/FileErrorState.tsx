// A scenario file that could not be opened: its name and one line per problem (path and expected value).

import { useAppStore } from '../store/index';
import { EmptyState } from './EmptyState';
import { openFilePicker } from './TopBar';

export function FileErrorState() {
  const err = useAppStore((s) => s.fileError);
  if (!err) return null;
  return (
    <div className="file-error-wrap">
      <EmptyState tone="error" title={`${err.fileName} could not be opened`} body={`${err.issues.length === 1 ? 'One problem' : `${err.issues.length} problems`} — fix the file and open it again. The scenario you had open is unchanged.`} testId="file-error">
        <ul className="error-lines">
          {err.issues.map((i) => (
            <li key={i.path + i.message}>
              <code>
                {err.fileName}: {i.path}
              </code>
              : {i.message}
            </li>
          ))}
        </ul>
        <div className="btn-row">
          <button type="button" className="btn primary" onClick={openFilePicker}>
            Open another file…
          </button>
          <button type="button" className="btn" onClick={() => useAppStore.getState().dismissFileError()}>
            Dismiss
          </button>
        </div>
      </EmptyState>
    </div>
  );
}
