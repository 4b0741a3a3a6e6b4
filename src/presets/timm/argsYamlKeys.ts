/**
 * Every argument of timm's train.py (timm 1.0.29; the source read at commit aa4b5850 of
 * huggingface/pytorch-image-models, 1.0.29.dev0): the keys of the `args.yaml` it writes
 * (`yaml.safe_dump(args.__dict__)`, train.py `_parse_args`), which are also the keys a `-c` config
 * file may set (`parser.set_defaults(**cfg)`), in the parser's order.
 *
 * @internal
 */
export const TRAIN_PY_ARGS: ReadonlyArray<string> = [
  'data', 'data_dir', 'dataset', 'train_split', 'val_split', 'train_num_samples', 'val_num_samples', 'dataset_download',
  'class_map', 'input_img_mode', 'input_key', 'target_key', 'dataset_trust_remote_code', 'model', 'pretrained', 'pretrained_path',
  'initial_checkpoint', 'resume', 'no_resume_opt', 'num_classes', 'gp', 'img_size', 'in_chans', 'input_size',
  'crop_pct', 'mean', 'std', 'interpolation', 'batch_size', 'validation_batch_size', 'channels_last', 'fuser',
  'grad_accum_steps', 'grad_checkpointing', 'fast_norm', 'model_kwargs', 'head_init_scale', 'head_init_bias', 'torchcompile_mode', 'torchscript',
  'torchcompile', 'device', 'amp', 'amp_dtype', 'model_dtype', 'no_ddp_bb', 'synchronize_step', 'local_rank',
  'device_modules', 'opt', 'opt_eps', 'opt_betas', 'momentum', 'weight_decay', 'clip_grad', 'clip_mode',
  'layer_decay', 'layer_decay_min_scale', 'layer_decay_no_opt_scale', 'opt_kwargs', 'sched', 'sched_on_updates', 'lr', 'lr_base',
  'lr_base_size', 'lr_base_scale', 'lr_noise', 'lr_noise_pct', 'lr_noise_std', 'lr_cycle_mul', 'lr_cycle_decay', 'lr_cycle_limit',
  'lr_k_decay', 'warmup_lr', 'min_lr', 'epochs', 'epoch_repeats', 'start_epoch', 'decay_milestones', 'decay_epochs',
  'warmup_epochs', 'warmup_prefix', 'cooldown_epochs', 'patience_epochs', 'decay_rate', 'no_aug', 'train_crop_mode', 'scale',
  'ratio', 'hflip', 'vflip', 'color_jitter', 'color_jitter_prob', 'grayscale_prob', 'gaussian_blur_prob', 'aa',
  'aug_repeats', 'aug_splits', 'jsd_loss', 'bce_loss', 'bce_sum', 'bce_target_thresh', 'bce_pos_weight', 'reprob',
  'remode', 'recount', 'resplit', 'mixup', 'cutmix', 'cutmix_minmax', 'mixup_prob', 'mixup_switch_prob',
  'mixup_mode', 'mixup_off_epoch', 'smoothing', 'train_interpolation', 'drop', 'drop_connect', 'drop_path', 'drop_block',
  'bn_momentum', 'bn_eps', 'sync_bn', 'dist_bn', 'split_bn', 'model_ema', 'model_ema_force_cpu', 'model_ema_decay',
  'model_ema_warmup', 'seed', 'worker_seeding', 'log_interval', 'val_interval', 'recovery_interval', 'checkpoint_hist', 'workers',
  'save_images', 'pin_mem', 'no_prefetcher', 'output', 'experiment', 'eval_metric', 'tta', 'use_multi_epochs_loader',
  'log_wandb', 'wandb_project', 'wandb_tags', 'wandb_resume_id', 'train_img_sizes', 'train_batch_sizes', 'train_size_probs', 'train_size_schedule',
  'train_size_schedule_spread', 'train_size_random_mix', 'train_batches_per_epoch', 'variable_batch_loss_scale', 'naflex_loader', 'naflex_train_seq_lens', 'naflex_max_seq_len', 'naflex_patch_sizes',
  'naflex_patch_size_probs', 'naflex_loss_scale', 'naflex_patchify_channels_first', 'kd_model_name', 'kd_distill_type', 'kd_loss_type', 'distill_loss_weight', 'task_loss_weight',
  'kd_temperature', 'kd_student_feature_dim', 'kd_teacher_feature_dim', 'kd_token_distill_type'
]
