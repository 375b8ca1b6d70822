using SoTTTT.Cli;

return CliApp.Run(args);
