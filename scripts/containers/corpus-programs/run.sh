# The `run.sh` in gcr.io/my-image's working directory (container_with_artifact_output):
# sh run.sh --epochs N --model_path URI --model_metadata JSON --model_config_path FILE
# writes the model file ("trained for N epochs" and the metadata given) and the config parameter.
set -eu
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs=$2 ;;
    --model_path) model=${2#file://} ;;
    --model_metadata) metadata=$2 ;;
    --model_config_path) config=$2 ;;
  esac
  shift 2
done
mkdir -p "$(dirname "$model")" "$(dirname "$config")"
printf 'trained for %s epochs\nmetadata: %s\n' "$epochs" "$metadata" > "$model"
printf '{"epochs": %s}' "$epochs" > "$config"
echo "run.sh: wrote $model and $config"
