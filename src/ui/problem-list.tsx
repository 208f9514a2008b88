// Lists what is wrong with a document, each problem with where it is (a JSON path) and what is wrong there.
export interface ProblemListItem {
  readonly path: string;
  readonly message: string;
}

export function ProblemList({
  title,
  items,
  moreLabel,
}: {
  title: string;
  items: readonly ProblemListItem[];
  moreLabel?: string;
}) {
  const shown = items.slice(0, 20);
  return (
    <div className="problem-list" role="alert">
      <p className="problem-list-title">{title}</p>
      <ul>
        {shown.map((item, index) => (
          <li key={`${item.path}-${index}`}>
            <code>{item.path}</code> — {item.message}
          </li>
        ))}
      </ul>
      {items.length > shown.length && moreLabel ? <p className="problem-list-more">{moreLabel}</p> : null}
    </div>
  );
}
