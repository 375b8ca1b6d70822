using SoTTTT.Core.Model;

namespace SoTTTT.Core.Approval;

/// <summary>What a new site adds for the applicant's operator and technology: settlements and people newly covered.</summary>
public sealed record CoverageGain(string Operator, Technology? Tech, int Settlements, long Population, IReadOnlyList<string> SettlementIds);
