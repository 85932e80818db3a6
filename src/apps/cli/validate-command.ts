import { formatIgnored, validateFiles } from '../../hosts/xlsx/validate-files.js';
import { withCellAddresses } from '../../core/records.js';
import { DEFAULT_READ_LIMITS } from '../../hosts/xlsx/read/index.js';
import { formatBytes, formatCount } from '../../hosts/xlsx/read/limits.js';
import { DEFAULT_MAX_ISSUES_PER_FILE } from '../../core/validate/report.js';
import { isArgsError, parseCommandArgs } from './args.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Command } from './io.js';
import { formatSummary } from './summary.js';
import { SUMMARIES } from './commands.js';

const PROGRESS_ABOVE = 5;

const HELP = `Usage : iae validate <fichiers ou dossiers…> [--json] [--max-issues N]

Vérifie des classeurs Excel (.xlsx) de retours IAE : modèle SIAE, modèle réseau / département,
ou un export du réseau ayant les mêmes colonnes (en-têtes = libellés ou codes des indicateurs),
et plan d'actions. Un dossier est parcouru avec ses sous-dossiers (fichiers *.xlsx et *.ods ; les
autres fichiers, dont les verrous ~$ d'Excel, sont listés comme ignorés avec leur raison).

Options :
  --json            écrit le rapport complet en JSON (pour les programmes) au lieu du résumé
  --max-issues N    nombre de problèmes détaillés par fichier (défaut ${DEFAULT_MAX_ISSUES_PER_FILE}) ;
                    les suivants sont comptés
  -h, --help        cette aide

Limites : un fichier de plus de ${formatBytes(DEFAULT_READ_LIMITS.maxFileBytes)}, de plus de ${formatBytes(DEFAULT_READ_LIMITS.maxUncompressedBytes)} une fois
décompressé, ou de plus de ${formatCount(DEFAULT_READ_LIMITS.maxCells)} cellules est refusé avec un message (protection
contre les fichiers piégés ou démesurés).

Codes de sortie :
  0  aucune erreur (des avertissements, un doublon compris, peuvent rester)
  1  des erreurs trouvées dans les données : ces retours seraient écartés de la consolidation
  2  fichier illisible ou introuvable (les autres fichiers sont vérifiés), ou mauvaise utilisation
`;

export const command: Command = {
  summary: SUMMARIES.validate,
  help: HELP,
  async run(args, io) {
    const parsed = parseCommandArgs(args, {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      'max-issues': { type: 'string', missing: '--max-issues attend un nombre entier positif ou nul (reçu : rien).' },
    });
    if (isArgsError(parsed)) {
      io.err(`${parsed.error}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    if (parsed.values.help) {
      io.out(HELP);
      return EXIT_OK;
    }
    const json = parsed.values.json === true;
    const paths = parsed.positionals;
    let maxIssues = DEFAULT_MAX_ISSUES_PER_FILE;
    const v = parsed.values['max-issues'] as string | undefined;
    if (v !== undefined) {
      const n = Number(v);
      if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < 0) {
        io.err(`--max-issues attend un nombre entier positif ou nul (reçu : « ${v} »).\n\n${HELP}`);
        return EXIT_USAGE;
      }
      maxIssues = n;
    }
    if (paths.length === 0) {
      io.err(`Indiquez au moins un fichier ou un dossier à vérifier.\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const report = await validateFiles(paths, {
      maxIssuesPerFile: maxIssues,
      onProgress: (done, total, name) => {
        if (total > PROGRESS_ABOVE) io.err(`[${done}/${total}] ${name}\n`);
      },
    });
    io.out(json ? `${JSON.stringify(report, withCellAddresses, 2)}\n` : formatSummary(report) + formatIgnored(report.ignored));
    if (report.stats.unreadableFiles > 0) return EXIT_USAGE;
    return report.stats.errors > 0 ? EXIT_ERRORS : EXIT_OK;
  },
};
