// Shows why the server refused: a message, or the rows and fields of a refused file in a dialog.
import { App } from 'antd';
import { ApiError, errorMessage } from '../../lib/api';

export function useRefusal(): (error: unknown, title: string) => void {
  const { message, modal } = App.useApp();
  return (error: unknown, title: string) => {
    // Row and field problems (a refused bank file) are listed; a bare reason code is not shown.
    const details = (error instanceof ApiError ? error.details : []).filter(
      (d) => d.row !== undefined || d.field !== undefined,
    );
    if (details.length === 0) {
      void message.error(errorMessage(error));
      return;
    }
    modal.error({
      title,
      width: 560,
      content: (
        <>
          <p>{errorMessage(error)}</p>
          <ul
            style={{ paddingInlineStart: 18, maxHeight: 300, overflow: 'auto' }}
            data-testid="batch-problems"
          >
            {details.map((d, i) => (
              <li key={i}>
                {[d.row !== undefined ? `第 ${d.row} 行` : '', d.field ?? '', d.reason]
                  .filter(Boolean)
                  .join(' ')}
              </li>
            ))}
          </ul>
        </>
      ),
    });
  };
}
