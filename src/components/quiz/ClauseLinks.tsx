export function ClauseLinks({
  clauses,
  prefix,
  label,
}: {
  clauses: string[];
  prefix: string;
  label: string;
}) {
  return (
    <span class="clause-links">
      {label}:{" "}
      {clauses.map((c, i) => (
        <span key={c}>
          {i > 0 && ", "}
          <a href={`${prefix}/lessons/${c.split(".")[0]}/#clause-${c.replace(".", "-")}`}>{c}</a>
        </span>
      ))}
    </span>
  );
}
